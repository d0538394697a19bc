// The provisioning service on this computer: started as a child process bound to 127.0.0.1 on a
// free port, SQLite under the app's data folder, its administrator's password generated once and
// kept in the vault; then signed in through the local connection profile.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { LocalServiceStarted, LocalServiceStatus } from '../../../common/ipc/contract';
import type { CredentialVault } from './credential-vault';
import { MainError } from './main-error';
import type { ProfileStore } from './profiles';
import type { ServiceChild, ServiceLauncher } from './service-launcher';
import type { SessionService } from './session';

export interface LocalService {
  start(options?: { demo?: boolean }): Promise<LocalServiceStarted>;
  status(): LocalServiceStatus;
  stop(): Promise<LocalServiceStatus>;
}

export const LOCAL_ADMIN_EMAIL = 'admin@linedesk.local';
export const LOCAL_ADMIN_PASSWORD_KEY = 'local:adminPassword';
const LISTENING_LINE = /listening on (https?:\/\/[^\s]+)/;

/** The environment for the child: ours without anything that would point it elsewhere. */
function childEnv(
  base: NodeJS.ProcessEnv,
  password: string,
  devServerOrigin: string | undefined,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined || key === 'DATABASE_URL' || key.startsWith('LINEDESK_')) continue;
    if (key === 'NODE_OPTIONS' || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  env.LINEDESK_ADMIN_EMAIL = LOCAL_ADMIN_EMAIL;
  env.LINEDESK_ADMIN_PASSWORD = password;
  // The service allows only the packaged app's origin by default; a development run adds its dev
  // server's origin, and only that, explicitly.
  if (devServerOrigin) env.LINEDESK_ALLOWED_ORIGINS = `app://linedesk,${devServerOrigin}`;
  return env;
}

/** Resolves with the service URL once the listening line appears; rejects if it exits first. */
function waitUntilListening(child: ServiceChild, timeoutMs: number): Promise<string> {
  const recent: string[] = [];
  const remember = (line: string) => {
    if (line.trim()) recent.push(line.trim());
    if (recent.length > 8) recent.shift();
  };
  if (child.stderr) createInterface({ input: child.stderr }).on('line', remember);
  return new Promise((resolve, reject) => {
    const fail = (sentence: string) => {
      clearTimeout(timer);
      const detail = recent.length ? ` Last output: ${recent.slice(-3).join(' | ')}` : '';
      reject(new MainError('LOCAL_SERVICE_FAILED', `${sentence}${detail}`));
    };
    const timer = setTimeout(() => {
      child.kill();
      fail('The service on this computer did not start in time, so it was stopped.');
    }, timeoutMs);
    child.once('exit', (code) =>
      fail(`The service on this computer stopped while starting (exit code ${code ?? 'none'}).`),
    );
    if (!child.stdout) return fail('The service on this computer cannot report its address.');
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = LISTENING_LINE.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/+$/, ''));
      } else {
        remember(line);
      }
    });
  });
}

export function createLocalService(options: {
  /** The app's data folder; the service keeps its SQLite file in `<dataDir>/local-service`. */
  dataDir: string;
  launcher: ServiceLauncher;
  profiles: ProfileStore;
  vault: CredentialVault;
  session: SessionService;
  baseEnv?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  /** Development only: the renderer's dev server origin, allowed by the service's CORS. */
  devServerOrigin?: string;
}): LocalService {
  const { profiles, vault, session } = options;
  let state: LocalServiceStatus['state'] = 'stopped';
  let url: string | null = null;
  let message: string | null = null;
  let child: ServiceChild | null = null;
  let stopping = false;
  let starting: Promise<LocalServiceStarted> | null = null;
  // Kept only for this run when the vault cannot store it.
  let unsavedPassword: string | null = null;

  function status(): LocalServiceStatus {
    return {
      state,
      running: state === 'running',
      url,
      profileId: profiles.findLocal()?.id ?? null,
      message,
    };
  }

  function adminPassword(): string {
    const saved = vault.get(LOCAL_ADMIN_PASSWORD_KEY) ?? unsavedPassword;
    if (saved) return saved;
    const generated = randomBytes(24).toString('base64url');
    if (vault.status().available) vault.put(LOCAL_ADMIN_PASSWORD_KEY, generated);
    else unsavedPassword = generated;
    return generated;
  }

  async function launch(demo: boolean): Promise<string> {
    const password = adminPassword();
    const args = ['--host', '127.0.0.1', '--port', '0'];
    args.push('--data-dir', path.join(options.dataDir, 'local-service'));
    if (demo) args.push('--demo');
    stopping = false;
    const started = options.launcher({
      args,
      env: childEnv(options.baseEnv ?? process.env, password, options.devServerOrigin),
    });
    child = started;
    const address = await waitUntilListening(started, options.readyTimeoutMs ?? 120_000);
    started.once('exit', (code) => {
      if (child !== started) return;
      child = null;
      url = null;
      state = stopping ? 'stopped' : 'failed';
      message = stopping
        ? null
        : `The service on this computer stopped unexpectedly (exit code ${code ?? 'none'}). Start it again.`;
    });
    return address;
  }

  async function start(demo: boolean): Promise<LocalServiceStarted> {
    if (state !== 'running' || !url) {
      state = 'starting';
      message = null;
      try {
        url = await launch(demo);
        state = 'running';
      } catch (error) {
        child = null;
        state = 'failed';
        message = error instanceof Error ? error.message : String(error);
        throw error;
      }
    }
    const existing = profiles.findLocal();
    const profile = profiles.save(
      {
        id: existing?.id,
        name: existing?.name ?? 'This computer',
        serviceUrl: url,
        administratorEmail: LOCAL_ADMIN_EMAIL,
        rememberPassword: true,
      },
      { local: true },
    );
    const signedIn = await session
      .signIn({
        profileId: profile.id,
        password: adminPassword(),
        remember: vault.status().available,
      })
      .catch((error: unknown) => {
        if (error instanceof MainError && error.code === 'INVALID_CREDENTIALS') {
          throw new MainError(
            'LOCAL_SERVICE_LOCKED',
            `The service on this computer is running, but Linedesk no longer has its administrator's password (${LOCAL_ADMIN_EMAIL}); it could not be kept without secure storage. Sign in to "${profile.name}" with that password.`,
          );
        }
        throw error;
      });
    return { profile: { ...profile, canResume: session.canResume(profile.id) }, session: signedIn };
  }

  return {
    status,
    start(startOptions) {
      starting ??= start(startOptions?.demo === true).finally(() => {
        starting = null;
      });
      return starting;
    },
    async stop() {
      const running = child;
      if (running) {
        stopping = true;
        const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
        running.kill();
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      child = null;
      url = null;
      state = 'stopped';
      message = null;
      return status();
    },
  };
}
