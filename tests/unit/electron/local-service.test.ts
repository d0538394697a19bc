// The local service: the REAL server CLI started as a child process on 127.0.0.1, its listening
// line read, the administrator created with a vault-kept password, then a real sign-in session.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localServiceStartedSchema } from '../../../common/ipc/contract';
import {
  createMainServices,
  type MainServices,
} from '../../../electron/main/services/create-main-services';
import { createIpcRouter } from '../../../electron/main/ipc/router';
import { LOCAL_ADMIN_EMAIL } from '../../../electron/main/services/local-service';
import { createNodeServiceLauncher } from '../../../electron/main/services/service-launcher';
import { refreshTokenKey } from '../../../electron/main/services/session';
import { createSafeStorageDouble } from './support/safe-storage-double';
import { makeTempDir } from './support/temp-dir';

const noDialog = { showSaveDialog: async () => ({ canceled: true }) };
const noShell = { openExternal: async () => undefined };

describe('local service (real server process)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  const keychainKey = randomBytes(32);
  const running: MainServices[] = [];

  const build = () => {
    const services = createMainServices({
      dataDir: temp.dir,
      safeStorage: createSafeStorageDouble({ key: keychainKey }),
      dialogs: noDialog,
      shell: noShell,
      platform: 'linux',
    });
    running.push(services);
    return services;
  };

  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(async () => {
    await Promise.all(running.map((services) => services.dispose()));
    await temp.remove();
  });

  it(
    'starts the service, creates its administrator and signs in',
    { timeout: 180_000 },
    async () => {
      const services = build();
      const started = await services.localService.start();
      const status = services.localService.status();
      expect(status).toMatchObject({
        state: 'running',
        running: true,
        profileId: started.profile.id,
      });
      expect(status.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(started.profile).toMatchObject({
        local: true,
        serviceUrl: status.url,
        administratorEmail: LOCAL_ADMIN_EMAIL,
      });
      expect(started.session.administrator.email).toBe(LOCAL_ADMIN_EMAIL);
      // The real login answer fits the IPC contract the renderer relies on.
      expect(localServiceStartedSchema.safeParse(started).success).toBe(true);
      expect(services.connectOrigins()).toContain(status.url);

      const health = await fetch(`${status.url}/api/v1/health`).then((response) => response.json());
      expect(health).toMatchObject({ status: 'ok', database: 'sqlite' });

      // The generated password is kept only as ciphertext.
      const vaultText = await readFile(path.join(temp.dir, 'vault.json'), 'utf8');
      const password = services.vault.get('local:adminPassword');
      expect(password).toBeTruthy();
      expect(vaultText).not.toContain(password);

      // Session against the real service: refresh rotates the token; sign-out revokes it.
      const before = services.vault.get(refreshTokenKey(started.profile.id));
      const refreshed = await services.session.refresh(started.profile.id);
      // Access tokens signed within the same second may be identical; the refresh token must rotate.
      expect(refreshed.accessToken).toBeTruthy();
      expect(services.vault.get(refreshTokenKey(started.profile.id))).not.toBe(before);
      const me = await fetch(`${status.url}/api/v1/me`, {
        headers: { authorization: `Bearer ${refreshed.accessToken}` },
      });
      expect(me.status).toBe(200);

      await services.session.signOut(started.profile.id);
      const reused = await fetch(`${status.url}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          refreshToken: services.vault.get(refreshTokenKey(started.profile.id)) ?? 'gone',
        }),
      });
      expect(reused.status).toBe(401);
      await expect(services.session.refresh(started.profile.id)).rejects.toMatchObject({
        code: 'SESSION_EXPIRED',
      });

      const stopped = await services.localService.stop();
      expect(stopped).toMatchObject({ state: 'stopped', running: false, url: null });
      await expect(fetch(`${status.url}/api/v1/health`)).rejects.toThrow();
    },
  );

  it('a later run reuses the same data and the kept password', { timeout: 180_000 }, async () => {
    const services = build();
    const profileBefore = services.profiles.findLocal();
    const started = await services.localService.start();
    expect(started.profile.id).toBe(profileBefore?.id);
    expect(started.session.administrator.email).toBe(LOCAL_ADMIN_EMAIL);
    const resumed = await services.session.resume(started.profile.id);
    expect(resumed.resumed).toBe(true);
    await services.localService.stop();
  });

  it(
    'reports a service that exits before listening, with its last words',
    { timeout: 60_000 },
    async () => {
      const script = path.join(temp.dir, 'broken-service.mjs');
      await writeFile(
        script,
        "process.stderr.write('database file is locked\\n'); process.exit(3);\n",
      );
      const services = createMainServices({
        dataDir: temp.dir,
        safeStorage: createSafeStorageDouble({ key: keychainKey }),
        dialogs: noDialog,
        shell: noShell,
        serviceLauncher: createNodeServiceLauncher({ entry: script }),
      });
      running.push(services);
      await expect(services.localService.start()).rejects.toMatchObject({
        code: 'LOCAL_SERVICE_FAILED',
        message: expect.stringMatching(
          /stopped while starting \(exit code 3\).*database file is locked/,
        ),
      });
      expect(services.localService.status()).toMatchObject({ state: 'failed', running: false });
    },
  );
});

describe('resuming the local connection through IPC', () => {
  it('starts the stopped local service again and signs in', { timeout: 180_000 }, async () => {
    const temp = await makeTempDir();
    const services = createMainServices({
      dataDir: temp.dir,
      safeStorage: createSafeStorageDouble(),
      dialogs: noDialog,
      shell: noShell,
      platform: 'linux',
    });
    try {
      const router = createIpcRouter(services);
      const started = await services.localService.start();
      await services.localService.stop();
      const resumed = await router.invoke('session:resume', { profileId: started.profile.id });
      expect(resumed).toMatchObject({ ok: true, value: { resumed: true } });
      expect(services.localService.status().running).toBe(true);
      // The profile follows the new port the service got.
      expect(services.profiles.get(started.profile.id).serviceUrl).toBe(
        services.localService.status().url,
      );
    } finally {
      await services.dispose();
      await temp.remove();
    }
  });
});
