// Security rules "secrets and files" and "recovery": a short LINEDESK_SECRET stops the start with
// exit code 1 and a reason; the data folder is created 0700 and the database files 0600; a
// generated bootstrap password must be changed at first sign-in; `reset-password EMAIL` prints a
// new temporary password for a sole administrator locked out.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config';
import { startService } from '../../../server/start-service';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const modeOf = (file: string) => statSync(file).mode & 0o777;

function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('LINEDESK_') || name === 'DATABASE_URL') delete env[name];
  }
  return { ...env, ...extra };
}

function runCli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, ['server/cli.ts', ...args], { cwd: root, env: environment(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // A service that started although it should not have: stop it, the test then fails.
      if (stdout.includes('listening on')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('secrets and files', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'linedesk-secrets-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it(
    'refuses a LINEDESK_SECRET shorter than 32 characters with exit code 1 and says why',
    { timeout: 60_000 },
    async () => {
      const dataDir = path.join(parent, 'short-secret');
      const run = await runCli(['--port', '0', '--data-dir', dataDir], {
        LINEDESK_SECRET: 'abcde',
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('LINEDESK_SECRET');
      expect(run.stderr).toContain('32');
      expect(run.stdout).not.toContain('listening on');
      await expect(
        startService(defaultConfig({ dataDir, secret: 'x'.repeat(31) })),
      ).rejects.toThrow(/LINEDESK_SECRET/);
    },
  );

  it('creates the data folder 0700 and the database files 0600; a generated password must be changed', async () => {
    const dataDir = path.join(parent, 'fresh', 'data');
    const service = await startService(
      defaultConfig({ dataDir, adminEmail: 'first@example.test', adminPassword: undefined }),
    );
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const name of ['linedesk.sqlite', 'linedesk.sqlite-wal', 'linedesk.sqlite-shm']) {
        const file = path.join(dataDir, name);
        if (existsSync(file)) expect(modeOf(file), name).toBe(0o600);
      }
      expect(service.bootstrap.created).toBe(true);
      const password = service.bootstrap.created ? service.bootstrap.generatedPassword : null;
      expect(password).toEqual(expect.any(String));
      const login = await service.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'first@example.test', password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().passwordChangeRequired).toBe(true);
    } finally {
      await service.close();
    }
  });

  it(
    '`reset-password EMAIL` prints a new temporary password that must be changed',
    { timeout: 90_000 },
    async () => {
      const dataDir = path.join(parent, 'recovery');
      const first = await startService(
        defaultConfig({
          dataDir,
          adminEmail: 'sole@example.test',
          adminPassword: 'the forgotten one',
        }),
      );
      await first.close();

      const unknown = await runCli([
        'reset-password',
        'nobody@example.test',
        '--data-dir',
        dataDir,
      ]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('nobody@example.test');

      const run = await runCli(['reset-password', 'Sole@Example.test', '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      const password =
        /temporary password for sole@example.test: (\S+)/.exec(run.stdout)?.[1] ?? '';
      expect(password).toMatch(/^[0-9A-Z]{16}$/);

      const service = await startService(
        defaultConfig({
          dataDir,
          adminEmail: 'sole@example.test',
          adminPassword: 'the forgotten one',
        }),
      );
      try {
        const signIn = (pw: string) =>
          service.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: 'sole@example.test', password: pw },
          });
        expect((await signIn('the forgotten one')).statusCode).toBe(401);
        const fresh = await signIn(password);
        expect(fresh.statusCode).toBe(200);
        expect(fresh.json().passwordChangeRequired).toBe(true);
      } finally {
        await service.close();
      }
    },
  );
});
