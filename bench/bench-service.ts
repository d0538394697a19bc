// A throwaway service for the benchmarks (SQLite in a temp folder, or a fresh PostgreSQL database
// when asked), signed in as the bootstrap administrator, requests through fastify.inject.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../server/config';
import { startService, type StartedService } from '../server/start-service';

export interface BenchService {
  service: StartedService;
  rootOrganizationId: string;
  request(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: () => unknown }>;
  close(): Promise<void>;
}

const email = 'bench@example.test';
const password = 'bench password that is long enough';

export interface BenchServiceOptions {
  /** A PostgreSQL database to use instead of SQLite in a temp folder. */
  databaseUrl?: string;
  /** Runs after the service and its temp folder are gone (e.g. dropping the database). */
  afterClose?: () => Promise<void>;
}

export async function startBenchService(options: BenchServiceOptions = {}): Promise<BenchService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-'));
  const service = await startService(
    defaultConfig({
      dataDir,
      databaseUrl: options.databaseUrl,
      adminEmail: email,
      adminPassword: password,
    }),
    { logger: false },
  );
  const login = await service.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  const session = login.json() as {
    accessToken: string;
    administrator: { organizationId: string };
  };
  const authorization = `Bearer ${session.accessToken}`;
  return {
    service,
    rootOrganizationId: session.administrator.organizationId,
    async request(method, url, body, headers = {}) {
      const res = await service.app.inject({
        method,
        url,
        payload: body as Record<string, unknown> | undefined,
        headers: { authorization, ...headers },
      });
      return { status: res.statusCode, json: () => res.json() };
    },
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
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
