// The bench's own throwaway PostgreSQL cluster (scripts/pg.sh on a port and folders of its own, so
// it never touches a cluster others use), and fresh databases on it that are dropped afterwards.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

const script = path.join(import.meta.dirname, '..', 'scripts', 'pg.sh');
const env = {
  ...process.env,
  LINEDESK_PGPORT: process.env.LINEDESK_BENCH_PGPORT ?? '54339',
  LINEDESK_PGDATA: '/tmp/linedesk-bench-pg',
  LINEDESK_PGSOCK: '/tmp/linedesk-bench-pgsock',
};

/** Starts the cluster and answers its URL, or undefined (with the reason printed) when it cannot. */
export function startBenchPostgres(): string | undefined {
  try {
    return execFileSync(script, ['start'], { env, encoding: 'utf8' }).trim();
  } catch (error) {
    console.warn(`PostgreSQL figures skipped: the bench cluster did not start (${String(error)}).`);
    return undefined;
  }
}

export function stopBenchPostgres(): void {
  execFileSync(script, ['stop'], { env, stdio: 'ignore' });
}

/** Runs one statement on the server of `baseUrl` (CREATE/DROP DATABASE). */
export async function onServer(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database on the server of `baseUrl`: its URL, and a function that drops it. */
export async function freshDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `linedesk_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
