// A client generated from the published contract (openapi-typescript) must agree with the zod
// schemas in common/api/: the generated types of the main resources' answers and bodies are
// checked by tsc to be assignable both ways to the schemas' types. Drift in either fails here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../scripts/openapi-document';

const root = path.resolve(import.meta.dirname, '../../..');
const common = (file: string) => JSON.stringify(path.join(root, 'common', 'api', file));

/** Each line: a generated type and the common/api type it must equal (both ways assignable). */
const checks = `
import type { paths } from './api';
import type { z } from ${JSON.stringify(path.join(root, 'node_modules', 'zod'))};
import type * as accounts from ${common('accounts')};
import type * as organizations from ${common('organizations')};
import type * as numbers from ${common('numbers')};
import type * as administrators from ${common('administrators')};
import type * as auth from ${common('auth')};
import type * as imports from ${common('imports')};

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Answer<P extends keyof paths, M extends keyof paths[P], S extends number> =
  paths[P][M] extends { responses: infer R } ? (S extends keyof R ? Json<R[S]> : never) : never;
type Body<P extends keyof paths, M extends keyof paths[P]> =
  paths[P][M] extends { requestBody: infer B } ? Json<NonNullable<B>> : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const results: Record<string, true> = {
  accountPage: true as Same<Answer<'/api/v1/accounts', 'get', 200>, accounts.AccountPage>,
  account: true as Same<Answer<'/api/v1/accounts/{id}', 'get', 200>, accounts.Account>,
  createdAccount: true as Same<Answer<'/api/v1/accounts', 'post', 201>, accounts.Account>,
  createAccount: true as Same<Body<'/api/v1/accounts', 'post'>, accounts.CreateAccountInput>,
  patchAccount: true as Same<
    Body<'/api/v1/accounts/{id}', 'patch'>,
    z.input<typeof accounts.patchAccountBodySchema>
  >,
  accountCounts: true as Same<Answer<'/api/v1/accounts/counts', 'get', 200>, accounts.AccountCounts>,
  organizationPage: true as Same<
    Answer<'/api/v1/organizations', 'get', 200>,
    z.infer<typeof organizations.organizationPageSchema>
  >,
  numberPage: true as Same<
    Answer<'/api/v1/numbers', 'get', 200>,
    z.infer<typeof numbers.numberPageSchema>
  >,
  administratorPage: true as Same<
    Answer<'/api/v1/administrators', 'get', 200>,
    z.infer<typeof administrators.administratorPageSchema>
  >,
  session: true as Same<Answer<'/api/v1/auth/login', 'post', 200>, auth.Session>,
  login: true as Same<Body<'/api/v1/auth/login', 'post'>, z.input<typeof auth.loginRequestSchema>>,
  importJob: true as Same<Answer<'/api/v1/imports/{id}', 'get', 200>, imports.ImportJob>,
  importChunk: true as Same<
    Body<'/api/v1/imports/{id}/chunks/{index}', 'put'>,
    z.input<typeof imports.importChunkBodySchema>
  >,
};
`;

describe('a client generated from the OpenAPI document', () => {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'linedesk-openapi-client-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('type-checks against the common/api schemas of the main resources', async () => {
    const document = await buildOpenApiDocument();
    writeFileSync(
      path.join(folder, 'api.d.ts'),
      astToString(await openapiTS(document as unknown as OpenAPI3)),
    );
    writeFileSync(path.join(folder, 'check.ts'), checks);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--target',
        'ES2023',
        '--module',
        'ESNext',
        '--moduleResolution',
        'Bundler',
        path.join(folder, 'check.ts'),
      ],
      { encoding: 'utf8', cwd: folder },
    );
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
