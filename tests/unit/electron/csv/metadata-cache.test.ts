// The offline cache against a real provisioning service: filled when main refreshes it after a
// sign-in, used by draft checks (profiles, pool numbers, existing contacts) with no service running,
// shown to the renderer only as names and counts, and cleared at sign-out.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../../../common/ipc/contract';
import { createIpcRouter, type IpcRouter } from '../../../../electron/main/ipc/router';
import {
  createMainServices,
  type MainServices,
} from '../../../../electron/main/services/create-main-services';
import {
  serviceBackends,
  startTestService,
  testAdminEmail,
  testAdminPassword,
  type TestService,
} from '../../../support/service';
import { createSafeStorageDouble } from '../support/safe-storage-double';
import { makeTempDir } from '../support/temp-dir';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads values of any channel
type Loose = any;

describe('offline cache of organization data', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let service: TestService;
  let services: MainServices;
  let router: IpcRouter;
  const key = randomBytes(32);

  const build = () => {
    services = createMainServices({
      dataDir: path.join(temp.dir, 'data'),
      safeStorage: createSafeStorageDouble({ key }),
      dialogs: { showSaveDialog: async () => ({ canceled: true }) },
      shell: { openExternal: async () => undefined },
      platform: 'linux',
    });
    router = createIpcRouter(services);
  };
  const call = async (channel: string, args?: unknown): Promise<Loose> => {
    const envelope = (await router.invoke(channel, structuredClone(args))) as IpcEnvelope<Loose>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
    return structuredClone(envelope.value);
  };

  beforeAll(async () => {
    temp = await makeTempDir();
    await mkdir(path.join(temp.dir, 'data'));
    service = await startTestService(serviceBackends()[0]!);
    build();
  }, 60_000);
  afterAll(async () => {
    await services.dispose();
    await service.close();
    await temp.remove();
  });

  it('caches at sign-in, checks drafts offline against it, and forgets it at sign-out', async () => {
    const login = await service.request('POST', '/api/v1/auth/login', {
      body: { email: testAdminEmail, password: testAdminPassword },
    });
    const token = login.body.accessToken as string;
    const organizationId = login.body.administrator.organizationId as string;
    const post = (target: string, body: unknown) =>
      service.request('POST', target, { token, body });
    expect(
      (await post('/api/v1/numbers', { organizationId, numbers: ['+12025550180', '+12025550181'] }))
        .status,
    ).toBe(201);
    const account = await post('/api/v1/accounts', {
      organizationId,
      firstName: 'Taken',
      lastName: 'Already',
      contact: 'Taken@Example.com',
      number: '+12025550181',
    });
    expect(account.status).toBe(201);

    const profile = await call('profiles:save', {
      name: 'Test service',
      serviceUrl: service.url,
      administratorEmail: testAdminEmail,
      rememberPassword: false,
    });
    await call('prefs:set', { lastProfileId: profile.id });
    await call('session:signIn', {
      profileId: profile.id,
      password: testAdminPassword,
      remember: false,
    });
    const status = await call('metadata:refresh', { profileId: profile.id });
    expect(status.cachedAt).not.toBeNull();
    expect(status.existingContacts).toBe(1);
    const organization = status.organizations.find((o: Loose) => o.id === organizationId);
    expect(organization).toMatchObject({ maxLinesAllowed: 5, availableNumbers: 1 });
    expect(organization.permissionProfiles).toContain('Default User Permissions (Default)');
    expect(JSON.stringify(status)).not.toContain('taken@example.com');
    const folder = path.join(temp.dir, 'data', 'metadata');
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(folder)) {
      expect((await stat(path.join(folder, name))).mode & 0o777).toBe(0o600);
    }

    const file = path.join(temp.dir, 'staff.csv');
    await writeFile(
      file,
      [
        'First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number',
        'Ann,Lee,taken@example.com,,,+12025550180',
        'Bob,Ray,bob@example.com,,Nope,+12025550181',
        'Cy,Doe,cy@example.com,,default user permissions (default),',
      ].join('\r\n'),
    );
    const opened = await call('csv:openDropped', { path: file, organizationId });
    expect(opened.draft.metadataCachedAt).toBe(status.cachedAt);
    expect(opened.draft.counts).toMatchObject({ rows: 3, valid: 1, invalid: 2, duplicates: 1 });

    // No service any more: a new set of main services on the same folder checks from the cache.
    await services.dispose();
    await service.close();
    build();
    const reopened = await call('drafts:open', { draftId: opened.draft.draftId });
    expect(reopened.counts).toMatchObject({ rows: 3, valid: 1, invalid: 2 });
    const page = await call('csv:rows', {
      draftId: opened.draft.draftId,
      offset: 0,
      limit: 10,
      filter: 'problems',
    });
    expect(page.rows.flatMap((r: Loose) => r.problems.map((p: Loose) => p.message))).toEqual([
      'Row 2, Email or Device #: taken@example.com already has an account.',
      'Row 3, User Permissions: there is no permission profile named "Nope" for this organization.',
      'Row 3, Number: +12025550181 is assigned; choose an Available or Reserved number.',
    ]);
    const offline = await call('metadata:refresh', { profileId: profile.id });
    expect(offline.cachedAt).toBe(status.cachedAt);
    expect(offline.message).toMatch(/could not be refreshed/);

    await call('session:signOut', { profileId: profile.id });
    expect(await call('metadata:status', { profileId: profile.id })).toMatchObject({
      cachedAt: null,
      organizations: [],
      existingContacts: 0,
    });
    expect(await readdir(folder)).toEqual([]);
  });
});
