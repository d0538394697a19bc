// Test harness for the provisioning service: the same cases run on SQLite and PostgreSQL.
//
//   import { serviceBackends, startTestService, type TestService } from '../../support/service';
//   describe.each(serviceBackends())('accounts on $name', (backend) => {
//     let service: TestService;
//     beforeAll(async () => { service = await startTestService(backend); });
//     afterAll(() => service.close());
//     it('lists', async () => {
//       const token = await service.login();                       // bootstrap admin, all privileges
//       const res = await service.request('GET', '/api/v1/accounts', { token });   // fastify.inject
//       expect(res.status).toBe(200); expect(res.body.items).toEqual([]);
//       await fetch(`${service.url}/api/v1/health`);                // real HTTP on 127.0.0.1
//     });
//   });
//
// Each service gets a fresh database (temp dir for SQLite; CREATE DATABASE <random> on the
// DATABASE_URL server for PostgreSQL, dropped on close). PostgreSQL is skipped with a printed
// reason when DATABASE_URL is unset. `options.config` overrides ServiceConfig (e.g. smtpUrl),
// `options.sameDatabaseAs: other` starts a second instance on the same database;
// `options.now` injects a clock (see `service.clock` for a movable one). LINEDESK_TEST_LOG=error
// prints the service's log (the cause of an unexpected 500).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Session } from '../../common/api/auth';
import { defaultConfig, type ServiceConfig } from '../../server/config';
import type { Database } from '../../server/db/schema';
import type { AppDeps } from '../../server/deps';
import { startService } from '../../server/start-service';

export interface ServiceBackend {
  name: 'sqlite' | 'postgres';
}

export const testAdminEmail = 'admin@example.test';
export const testAdminPassword = 'correct horse battery staple';

let warnedAboutPostgres = false;

/** SQLite always; PostgreSQL when DATABASE_URL is set (else a printed reason). */
export function serviceBackends(): ServiceBackend[] {
  const backends: ServiceBackend[] = [{ name: 'sqlite' }];
  if (process.env.DATABASE_URL) {
    backends.push({ name: 'postgres' });
  } else if (!warnedAboutPostgres) {
    warnedAboutPostgres = true;
    console.warn(
      'PostgreSQL cases skipped: DATABASE_URL is not set (start one with `scripts/pg.sh start`).',
    );
  }
  return backends;
}

/** A clock the test can move: `clock.advance(ms)`, `clock.set(date)`, `clock.reset()`; starts at the real time. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** From now on the clock reads `date` (and keeps ticking from there). */
  set(date: Date): void {
    this.offsetMs = date.getTime() - Date.now();
  }
  /** Back to the real time. */
  reset(): void {
    this.offsetMs = 0;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked with expect()
export interface TestResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Raw payload (sent as is, e.g. malformed JSON); overrides `body`. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Client address seen by the service (rate limits per address). */
  remoteAddress?: string;
}

export interface TestService {
  backend: ServiceBackend;
  config: ServiceConfig;
  app: FastifyInstance;
  deps: AppDeps;
  db: Kysely<Database>;
  /** Base URL of the real HTTP listener, e.g. http://127.0.0.1:41234 */
  url: string;
  clock: TestClock;
  /** The bootstrap administrator (all privileges, root organization). */
  admin: { id: string; email: string; password: string; organizationId: string };
  rootOrganizationId: string;
  /** Signs in (bootstrap admin by default) and returns the access token. */
  login(email?: string, password?: string): Promise<string>;
  /** Signs in and returns the whole session answer. */
  signIn(email?: string, password?: string): Promise<Session>;
  /** fastify.inject with JSON in and out. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked with expect()
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

export interface StartTestServiceOptions {
  config?: Partial<ServiceConfig>;
  /** Defaults to a TestClock (real time, movable). */
  now?: () => Date;
  /** Listen on 127.0.0.1:0 for real HTTP (default true). */
  listen?: boolean;
  /** A second instance on the same database (several service instances on one PostgreSQL). */
  sameDatabaseAs?: TestService;
  /** The service's logger, e.g. `{ level: 'info', stream }` to read what it logs. */
  logger?: FastifyServerOptions['logger'];
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('DATABASE_URL is not set.');
  const name = `linedesk_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Starts a service on a fresh database of the backend. */
export async function startTestService(
  backend: ServiceBackend,
  options: StartTestServiceOptions = {},
): Promise<TestService> {
  const shared = options.sameDatabaseAs;
  const dataDir = shared
    ? shared.config.dataDir
    : mkdtempSync(path.join(tmpdir(), 'linedesk-test-'));
  const postgres = backend.name === 'postgres' && !shared ? await createPostgresDatabase() : null;
  const clock = new TestClock();
  const config = defaultConfig({
    dataDir,
    databaseUrl: shared ? shared.config.databaseUrl : postgres?.url,
    adminEmail: testAdminEmail,
    adminPassword: testAdminPassword,
    allowedOrigins: ['http://localhost:5173'],
    ...options.config,
  });
  const cleanUp = async () => {
    // A second instance leaves the shared database to the first one.
    if (shared) return;
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };
  let started;
  try {
    started = await startService(config, {
      now: options.now ?? clock.now,
      // LINEDESK_TEST_LOG=error (or debug…) shows the service's JSON log, e.g. the cause of a 500.
      logger:
        options.logger ??
        (process.env.LINEDESK_TEST_LOG ? { level: process.env.LINEDESK_TEST_LOG } : false),
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const { app, deps } = started;
  let url = '';
  if (options.listen !== false) {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    url = address.replace('localhost', '127.0.0.1');
  } else {
    await app.ready();
  }
  const adminRow = await deps.db
    .selectFrom('administrators')
    .select(['id', 'email', 'organization_id'])
    .where('email', '=', config.adminEmail ?? testAdminEmail)
    .executeTakeFirstOrThrow();

  const request: TestService['request'] = async (method, target, requestOptions = {}) => {
    const headers: Record<string, string> = { ...requestOptions.headers };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    let payload: string | Buffer | undefined = requestOptions.payload;
    if (payload === undefined && requestOptions.body !== undefined) {
      payload = JSON.stringify(requestOptions.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.inject({
      method: method as 'GET',
      url: target,
      query: requestOptions.query,
      headers,
      payload,
      remoteAddress: requestOptions.remoteAddress,
    });
    const type = String(response.headers['content-type'] ?? '');
    let body: unknown = response.body;
    if (type.includes('application/json') && response.body.length > 0) {
      body = JSON.parse(response.body);
    }
    return {
      status: response.statusCode,
      headers: response.headers as TestResponse['headers'],
      body: body as never,
      text: response.body,
    };
  };

  const signIn: TestService['signIn'] = async (
    email = config.adminEmail ?? testAdminEmail,
    password = config.adminPassword ?? testAdminPassword,
  ) => {
    const response = await request<Session>('POST', '/api/v1/auth/login', {
      body: { email, password },
    });
    if (response.status !== 200) {
      throw new Error(`Sign-in as ${email} failed: ${response.status} ${response.text}`);
    }
    return response.body;
  };

  return {
    backend,
    config,
    app,
    deps,
    db: deps.db,
    url,
    clock,
    admin: {
      id: adminRow.id,
      email: adminRow.email,
      password: config.adminPassword ?? testAdminPassword,
      organizationId: adminRow.organization_id,
    },
    rootOrganizationId: adminRow.organization_id,
    signIn,
    login: async (email, password) => (await signIn(email, password)).accessToken,
    request,
    close: async () => {
      await started.close();
      await cleanUp();
    },
  };
}
