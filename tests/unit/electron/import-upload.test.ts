// The import upload in main against a REAL provisioning service (SQLite and PostgreSQL, real
// HTTP): chunks, a lost connection and Resume, a restart on the same data folder, a chunk re-sent
// after a crash, and NOT_ENOUGH_NUMBERS leaving the job open — every account created exactly once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRowInput } from '../../../common/api/imports';
import { createCredentialVault } from '../../../electron/main/services/credential-vault';
import { createImportUploads } from '../../../electron/main/services/import-upload';
import { createUploadStore } from '../../../electron/main/services/import-upload-store';
import { createConfStoreFactory } from '../../../electron/main/services/key-value-store';
import { createProfileStore } from '../../../electron/main/services/profiles';
import { createSessionService } from '../../../electron/main/services/session';
import {
  serviceBackends,
  startTestService,
  testAdminPassword,
  type TestService,
} from '../../support/service';
import {
  addNumbers,
  createOrganization,
  numbersFrom,
} from '../../integration/server/accounts-helpers';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

function people(count: number, prefix: string): ImportRowInput[] {
  return Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 2,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    contact: `${prefix}${i}@example.com`,
  }));
}

describe.each(serviceBackends())('import upload from main (real service on $name)', (backend) => {
  let service: TestService;
  let token: string;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  /** Each PUT chunk index the service was sent, in order. */
  let chunkCalls: number[];
  let offline: boolean;

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
  });
  afterAll(() => service.close());
  beforeEach(async () => {
    temp = await makeTempDir();
    chunkCalls = [];
    offline = false;
  });
  afterEach(() => temp.remove());

  const fakeFetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (offline) return Promise.reject(new TypeError('fetch failed'));
    const chunk = /\/chunks\/(\d+)$/.exec(url);
    if (chunk) chunkCalls.push(Number(chunk[1]));
    return fetch(input, init);
  };

  /** One run of the app's main services over the test folder; `rows` is the draft's content. */
  async function mainProcess(rows: ImportRowInput[] = []) {
    const stores = createConfStoreFactory(temp.dir);
    const vault = createCredentialVault({
      safeStorage: createSafeStorageDouble({}),
      store: stores('vault'),
      platform: 'linux',
    });
    const profiles = createProfileStore({ store: stores('profiles') });
    const session = createSessionService({ profiles, vault });
    const profile =
      profiles.list()[0] ??
      profiles.save({
        name: 'Test',
        serviceUrl: service.url,
        administratorEmail: service.admin.email,
        rememberPassword: false,
      });
    await session.signIn({ profileId: profile.id, password: testAdminPassword, remember: false });
    const uploads = createImportUploads({
      store: createUploadStore(temp.dir),
      rowSource: { rowsForUpload: async () => ({ fileName: 'people.csv', rows }) },
      profiles,
      session,
      fetch: fakeFetch,
      retryDelaysMs: [5, 5],
    });
    return { uploads, profileId: profile.id };
  }

  async function accountsOf(organizationId: string) {
    const res = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { organizationId, pageSize: '500' },
    });
    return res.body as { total: number; items: { contact: string; status: string }[] };
  }

  it('sends 1,200 rows in chunks of 500, completes, and keeps the Idempotency-Key on disk', async () => {
    const org = await createOrganization(service, token, 'Chunks Org');
    const rows = people(1200, 'chunk');
    rows[3] = { ...rows[3]!, contact: 'not an address' };
    rows[7] = { ...rows[7]!, contact: rows[6]!.contact };
    const { uploads, profileId } = await mainProcess(rows);
    const settings = {
      organizationId: org,
      applications: ['MultiLine' as const],
      permissionProfileId: null,
      invite: false,
    };
    const started = await uploads.start({ profileId, draftId: 'draft-1', settings });
    expect(started).toMatchObject({ rowCount: 1200, chunkCount: 3, running: true });
    const done = await uploads.settled(started.uploadId);
    expect(done).toMatchObject({
      phase: 'completed',
      rowsSent: 1200,
      counts: { created: 1198, invalid: 1, duplicate: 1 },
      job: { status: 'completed', counts: { created: 1198 } },
    });
    expect(chunkCalls).toEqual([0, 1, 2]);
    const record = JSON.parse(
      await readFile(path.join(temp.dir, 'uploads', started.uploadId, 'state.json'), 'utf8'),
    );
    expect(record.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(uploads.failedRows(started.uploadId)).toEqual([
      { row: rows[3], errors: [expect.stringContaining('Row 5')] },
    ]);
    expect((await accountsOf(org)).total).toBe(1198);
  });

  it('pauses when the connection is lost, and Resume sends only what is left', async () => {
    const org = await createOrganization(service, token, 'Offline Org');
    const { uploads, profileId } = await mainProcess(people(1500, 'offline'));
    const started = await uploads.start({
      profileId,
      draftId: 'draft-2',
      settings: {
        organizationId: org,
        applications: ['MultiLine'],
        permissionProfileId: null,
        invite: false,
      },
    });
    // Lose the connection once the first chunk is answered.
    while (uploads.status(started.uploadId).chunksAnswered < 1)
      await new Promise((r) => setTimeout(r, 2));
    offline = true;
    const paused = await uploads.settled(started.uploadId);
    expect(paused).toMatchObject({
      phase: 'paused',
      running: false,
      problem: { code: 'SERVICE_UNREACHABLE' },
    });
    expect(paused.chunksAnswered).toBeGreaterThanOrEqual(1);
    const answeredBefore = paused.chunksAnswered;
    offline = false;
    uploads.resume(started.uploadId);
    const done = await uploads.settled(started.uploadId);
    expect(done).toMatchObject({ phase: 'completed', counts: { created: 1500 } });
    expect(chunkCalls.length).toBe(3);
    expect(new Set(chunkCalls).size).toBe(3);
    expect(answeredBefore).toBeLessThan(3);
    expect((await accountsOf(org)).total).toBe(1500);
  });

  it('resumes after a restart on the same data folder, and a chunk re-sent after a crash creates nothing twice', async () => {
    const org = await createOrganization(service, token, 'Restart Org');
    const rows = people(1000, 'restart');
    const first = await mainProcess(rows);
    const started = await first.uploads.start({
      profileId: first.profileId,
      draftId: 'draft-3',
      settings: {
        organizationId: org,
        applications: ['MultiLine'],
        permissionProfileId: null,
        invite: false,
      },
    });
    while (first.uploads.status(started.uploadId).chunksAnswered < 1)
      await new Promise((r) => setTimeout(r, 2));
    await first.uploads.dispose();
    // A crash right after the service answered chunk 0 but before it was written down.
    const file = path.join(temp.dir, 'uploads', started.uploadId, 'state.json');
    const record = JSON.parse(await readFile(file, 'utf8'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      file,
      JSON.stringify({
        ...record,
        answered: [],
        counts: { created: 0, duplicate: 0, invalid: 0 },
        phase: 'sending',
      }),
    );

    const second = await mainProcess();
    expect(second.uploads.list()).toEqual([
      expect.objectContaining({
        uploadId: started.uploadId,
        phase: 'paused',
        running: false,
        problem: expect.objectContaining({ code: 'INTERRUPTED' }),
      }),
    ]);
    second.uploads.resume(started.uploadId);
    const done = await second.uploads.settled(started.uploadId);
    expect(done).toMatchObject({ phase: 'completed', counts: { created: 1000, duplicate: 0 } });
    // Chunk 0 went twice (before and after the crash); the service replayed its answer.
    expect(chunkCalls.filter((index) => index === 0)).toHaveLength(2);
    expect((await accountsOf(org)).total).toBe(1000);
    const jobs = await service.request('GET', '/api/v1/imports', {
      token,
      query: { organizationId: org },
    });
    expect(jobs.body.total).toBe(1);
  });

  it('leaves the job open on NOT_ENOUGH_NUMBERS and completes it once numbers are added', async () => {
    const org = await createOrganization(service, token, 'Capacity Org');
    const { uploads, profileId } = await mainProcess(people(3, 'capacity'));
    const started = await uploads.start({
      profileId,
      draftId: 'draft-4',
      settings: {
        organizationId: org,
        applications: ['MultiLine'],
        permissionProfileId: null,
        invite: true,
      },
    });
    const short = await uploads.settled(started.uploadId);
    expect(short).toMatchObject({
      phase: 'needs_numbers',
      problem: { code: 'NOT_ENOUGH_NUMBERS' },
    });
    const job = await service.request('GET', `/api/v1/imports/${short.jobId}`, { token });
    expect(job.body).toMatchObject({ status: 'open', counts: { created: 3, invited: 0 } });

    await addNumbers(service, token, org, numbersFrom(4100, 3));
    uploads.resume(started.uploadId);
    const done = await uploads.settled(started.uploadId);
    expect(done).toMatchObject({ phase: 'completed', job: { counts: { created: 3, invited: 3 } } });
    expect(chunkCalls).toEqual([0]);
    const accounts = await accountsOf(org);
    expect(accounts.items.map((a) => a.status)).toEqual(['invited', 'invited', 'invited']);
  });
});
