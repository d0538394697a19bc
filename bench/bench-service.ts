// A throwaway service for the benchmarks (SQLite in a temp folder, or a fresh PostgreSQL database
// when asked), signed in as the bootstrap administrator, requests over real HTTP on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig, type ServiceConfig } from '../server/config';
import { hashAdministratorPassword } from '../server/domain/auth/passwords';
import { startService, type StartedService } from '../server/start-service';
import { freshDatabase } from './postgres-server';

export interface BenchService {
  service: StartedService;
  rootOrganizationId: string;
  request(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: () => unknown }>;
  /** `http://127.0.0.1:<port>` of the listening service. */
  url: string;
  authorization: string;
  close(): Promise<void>;
}

const email = 'bench@example.test';
const password = 'bench password that is long enough';

/** The administrator every bench service signs in as. */
export const benchCredentials = { email, password } as const;

export interface BenchServiceOptions {
  /** A PostgreSQL database to use instead of SQLite in a temp folder. */
  databaseUrl?: string;
  /** A PostgreSQL server on which a fresh database is created (and dropped on close). */
  postgresServerUrl?: string;
  /** An existing data folder (a seeded SQLite database), kept on close. */
  dataDir?: string;
  /** Settings on top of the bench's own (e.g. smtpUrl). */
  config?: Partial<ServiceConfig>;
  /** `dataDir` is new and empty: start as on a fresh database (still kept on close). */
  keepDataDir?: boolean;
  /** Runs after the service and its temp folder are gone (e.g. dropping the database). */
  afterClose?: () => Promise<void>;
}

export async function startBenchService(options: BenchServiceOptions = {}): Promise<BenchService> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'linedesk-bench-'));
  let databaseUrl = options.databaseUrl;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (options.postgresServerUrl) {
    const fresh = await freshDatabase(options.postgresServerUrl);
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
  const service = await startService(
    defaultConfig({
      dataDir,
      databaseUrl,
      adminEmail: email,
      adminPassword: password,
      ...options.config,
    }),
    { logger: false },
  );
  if ((options.dataDir && !options.keepDataDir) || options.databaseUrl) {
    // A database seeded earlier: its first administrator becomes the bench's.
    const first = await service.deps.db
      .selectFrom('administrators')
      .select('id')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    await service.deps.db
      .updateTable('administrators')
      .set({ email, password_hash: await hashAdministratorPassword(password) })
      .where('id', '=', first.id)
      .execute();
  }
  const signIn = async () => {
    const login = await service.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    return login.json<{ accessToken: string; administrator: { organizationId: string } }>();
  };
  const session = await signIn();
  let authorization = `Bearer ${session.accessToken}`;
  const address = await service.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    service,
    url: address,
    get authorization() {
      return authorization;
    },
    rootOrganizationId: session.administrator.organizationId,
    async request(method, url, body, headers = {}) {
      const send = () =>
        fetch(`${address}${url}`, {
          method,
          headers: {
            authorization,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      let res = await send();
      if (res.status === 401) {
        // The session ended meanwhile (seeding a million takes longer than a session lives).
        authorization = `Bearer ${(await signIn()).accessToken}`;
        res = await send();
      }
      const text = await res.text();
      return { status: res.status, json: () => JSON.parse(text) as unknown };
    },
    async close() {
      await service.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase?.();
      await options.afterClose?.();
    },
  };
}

const statuses = ['not_invited', 'invited', 'invitation_failed', 'activated', 'suspended'] as const;

/** Inserts `count` accounts straight into the database (setup only, not what is measured). */
export async function seedAccounts(bench: BenchService, count: number): Promise<void> {
  const db = bench.service.deps.db;
  const now = new Date().toISOString();
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i += 1) {
      const contact =
        i % 2 === 0
          ? `user${i}@example.com`
          : `+1202555${String(i).padStart(4, '0').slice(-4)}${i}`;
      rows.push({
        id: randomUUID(),
        organization_id: bench.rootOrganizationId,
        root_organization_id: bench.rootOrganizationId,
        first_name: `First${i}`,
        last_name: `Last${(i * 7919) % count}`,
        contact,
        contact_type: i % 2 === 0 ? ('email' as const) : ('sms' as const),
        username: `user${i}`,
        applications: '["MultiLine"]',
        lines_allowed: 1,
        permission_profile_id: null,
        number: null,
        personal_phone: null,
        status: statuses[i % statuses.length]!,
        invited_at: null,
        activated_at: null,
        device_id: null,
        created_at: now,
        updated_at: now,
      });
    }
    await db.insertInto('accounts').values(rows).execute();
  }
}
