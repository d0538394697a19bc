// The crash test: the service runs as a real process (node + tsx, server/cli.ts --port 0), receives
// half of an Import & Invite, is killed with SIGKILL (one chunk may be in flight), restarts on the
// same SQLite folder or PostgreSQL database, and the wizard re-sends every chunk and completes.
// Every row must be created exactly once and every account must get exactly one invitation email.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends } from '../../support/service';
import { startSmtpPeer, type SmtpPeer } from '../../support/delivery-peers';
import { eventually } from './delivery-helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const adminEmail = 'crash-admin@example.test';
const adminPassword = 'crash test password 123';

interface RunningService {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

/**
 * Starts `server/cli.ts` in ONE process (`node --import tsx`, not the tsx wrapper, which would
 * leave its child running when it is SIGKILLed) and waits for its `listening on` line.
 */
async function startProcess(env: Record<string, string>, dataDir: string): Promise<RunningService> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--data-dir', dataDir],
    { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^listening on (http:\/\/\S+)$/m.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) =>
      reject(new Error(`The service exited (${code}) before listening:\n${stdout}\n${stderr}`)),
    );
  });
  return { child, url, output: () => `${stdout}\n${stderr}` };
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function api(
  service: RunningService,
  method: string,
  target: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${service.url}/api/v1${target}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked with expect()
  const body: any =
    text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  return { status: response.status, body, text };
}

async function login(service: RunningService): Promise<string> {
  const res = await api(service, 'POST', '/auth/login', {
    body: { email: adminEmail, password: adminPassword },
  });
  expect(res.status, res.text).toBe(200);
  return res.body.accessToken as string;
}

async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `linedesk_crash_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const chunkCount = 6;
const rowsPerChunk = 10;
const chunks = Array.from({ length: chunkCount }, (_, c) =>
  Array.from({ length: rowsPerChunk }, (_, r) => {
    const n = c * rowsPerChunk + r;
    return {
      rowNumber: n + 2,
      firstName: `Crash${n}`,
      lastName: 'Test',
      // Half emails, half device numbers written the way Excel leaves them.
      contact: n % 2 === 0 ? `crash${n}@example.com` : `1202555${String(5000 + n)}`,
    };
  }),
);
const emailRows = chunks.flat().filter((row) => row.contact.includes('@'));

describe.each(serviceBackends())('import survives a killed service on $name', (backend) => {
  let smtp: SmtpPeer;
  let dataDir: string;
  let postgres: { url: string; drop: () => Promise<void> } | null = null;
  let env: Record<string, string>;
  let running: RunningService | null = null;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-crash-'));
    postgres = backend.name === 'postgres' ? await freshPostgresDatabase() : null;
    env = {
      LINEDESK_ADMIN_EMAIL: adminEmail,
      LINEDESK_ADMIN_PASSWORD: adminPassword,
      LINEDESK_SMTP_URL: smtp.url,
      LINEDESK_DELIVERY_POLL_MS: '50',
      LINEDESK_LOG_LEVEL: 'warn',
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    };
  });
  afterAll(async () => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    await smtp.close();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'creates every row once and sends one invitation per account',
    { timeout: 180_000 },
    async () => {
      running = await startProcess(env, dataDir);
      let token = await login(running);
      const org = await api(running, 'POST', '/organizations', {
        token,
        body: {
          name: 'Crash Org',
          parentId: (await api(running, 'GET', '/me', { token })).body.organizationId,
        },
      });
      expect(org.status, org.text).toBe(201);
      const organizationId = org.body.id as string;
      const pool = Array.from({ length: 70 }, (_, i) => `+1202556${String(1000 + i)}`);
      const added = await api(running, 'POST', '/numbers', {
        token,
        body: { organizationId, numbers: pool },
      });
      expect(added.status, added.text).toBe(201);

      const key = randomUUID();
      const jobBody = {
        organizationId,
        applications: ['MultiLine'],
        invite: true,
        fileName: 'crash.csv',
        rowCount: chunkCount * rowsPerChunk,
      };
      const job = await api(running, 'POST', '/imports', {
        token,
        body: jobBody,
        headers: { 'idempotency-key': key },
      });
      expect(job.status, job.text).toBe(201);
      const jobId = job.body.id as string;
      const firstAnswers = [];
      for (let index = 0; index < chunkCount / 2; index++) {
        const res = await api(running, 'PUT', `/imports/${jobId}/chunks/${index}`, {
          token,
          body: { rows: chunks[index] },
        });
        expect(res.status, res.text).toBe(200);
        firstAnswers.push(res.body);
      }
      // One more chunk is on its way when the process dies: it is stored entirely or not at all.
      const inFlight = api(running, 'PUT', `/imports/${jobId}/chunks/${chunkCount / 2}`, {
        token,
        body: { rows: chunks[chunkCount / 2] },
      }).catch(() => null);
      running.child.kill('SIGKILL');
      await exited(running.child);
      await inFlight;

      running = await startProcess(env, dataDir);
      token = await login(running);
      const resumed = await api(running, 'POST', '/imports', {
        token,
        body: jobBody,
        headers: { 'idempotency-key': key },
      });
      expect(resumed.body.id).toBe(jobId);
      for (let index = 0; index < chunkCount; index++) {
        const res = await api(running, 'PUT', `/imports/${jobId}/chunks/${index}`, {
          token,
          body: { rows: chunks[index] },
        });
        expect(res.status, res.text).toBe(200);
        expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(
          Array(rowsPerChunk).fill('created'),
        );
        if (index < chunkCount / 2) expect(res.body).toEqual(firstAnswers[index]);
      }
      const completed = await api(running, 'POST', `/imports/${jobId}/complete`, { token });
      expect(completed.status, completed.text).toBe(200);
      expect(completed.body).toMatchObject({
        status: 'completed',
        counts: { created: 60, invalid: 0, duplicate: 0, invited: 60 },
      });

      const accounts = await api(
        running,
        'GET',
        `/accounts?organizationId=${organizationId}&pageSize=500`,
        { token },
      );
      expect(accounts.body.total).toBe(60);
      const contacts = (accounts.body.items as { contact: string; status: string }[]).map(
        (a) => a.contact,
      );
      expect(new Set(contacts).size).toBe(60);
      const outbox = await api(running, 'GET', '/outbox?pageSize=500', { token });
      const perAccount = new Map<string, number>();
      for (const message of outbox.body.items as { accountId: string }[]) {
        perAccount.set(message.accountId, (perAccount.get(message.accountId) ?? 0) + 1);
      }
      expect(perAccount.size).toBe(60);
      expect([...perAccount.values()].every((n) => n === 1)).toBe(true);

      // The emails really leave through SMTP, once each (device numbers stay in the local outbox).
      await eventually(
        'every invitation email',
        () => smtp.received.length >= emailRows.length,
        60_000,
      );
      const recipients = smtp.received.flatMap((mail) => mail.to).sort();
      expect(recipients).toEqual(emailRows.map((row) => row.contact).sort());
      expect(smtp.received.every((mail) => /Password: [0-9A-Z]{12}/.test(mail.text))).toBe(true);

      // A clean stop: SIGTERM closes the worker and the database and exits with 0.
      running.child.kill('SIGTERM');
      expect(await exited(running.child)).toBe(0);
    },
  );
});
