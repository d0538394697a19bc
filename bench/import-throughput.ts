// Import throughput through HTTP (1,000-row chunks, as the desktop app sends them) against the
// same rows inserted raw in the same run: a multi-row INSERT on SQLite, COPY on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { figure, type BenchContext, type BenchFigure, type BenchModule } from './bench-module';
import { startBenchService, type BenchService } from './bench-service';

const chunkRows = 1_000;

interface ImportRow {
  rowNumber: number;
  firstName: string;
  lastName: string;
  contact: string;
}

/** Rows of one set (its own emails, and UK mobile numbers from `phoneOffset` on). */
function rowsFor(count: number, prefix: string, phoneOffset: number): ImportRow[] {
  return Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 2,
    firstName: `Ada${i}`,
    lastName: `Lovelace${(i * 7919) % count}`,
    contact:
      i % 3 === 2
        ? `+4474${String(10_000_000 + phoneOffset + i).slice(-8)}`
        : `${prefix}${i}@example.com`,
  }));
}

/** Seconds to send `rows` as one import job, chunk after chunk. */
async function importSeconds(bench: BenchService, rows: ImportRow[]): Promise<number> {
  const created = await bench.request(
    'POST',
    '/api/v1/imports',
    {
      organizationId: bench.rootOrganizationId,
      applications: ['MultiLine'],
      invite: false,
      fileName: 'bench.csv',
      rowCount: rows.length,
    },
    { 'idempotency-key': randomUUID() },
  );
  if (created.status !== 201)
    throw new Error(`POST /imports answered ${created.status}: ${JSON.stringify(created.json())}`);
  const { id } = created.json() as { id: string };
  const start = performance.now();
  for (let index = 0; index * chunkRows < rows.length; index += 1) {
    const chunk = rows.slice(index * chunkRows, (index + 1) * chunkRows);
    const res = await bench.request('PUT', `/api/v1/imports/${id}/chunks/${index}`, {
      rows: chunk,
    });
    if (res.status !== 200) throw new Error(`chunk ${index} answered ${res.status}`);
    const results = (res.json() as { results: { outcome: string }[] }).results;
    if (results.some((r) => r.outcome !== 'created'))
      throw new Error(`chunk ${index}: not every row was created`);
  }
  return (performance.now() - start) / 1000;
}

/** The columns of an account row as an import writes them, for the raw baselines. */
function accountValues(bench: BenchService, row: ImportRow, now: string): unknown[] {
  const email = row.contact.includes('@');
  return [
    randomUUID(),
    bench.rootOrganizationId,
    bench.rootOrganizationId,
    row.firstName,
    row.lastName,
    row.contact,
    email ? 'email' : 'sms',
    row.contact,
    '["MultiLine"]',
    1,
    'not_invited',
    now,
    now,
  ];
}

const columns = [
  'id',
  'organization_id',
  'root_organization_id',
  'first_name',
  'last_name',
  'contact',
  'contact_type',
  'username',
  'applications',
  'lines_allowed',
  'status',
  'created_at',
  'updated_at',
];

/** SQLite baseline: the same rows, 1,000 a multi-row INSERT, one transaction each. */
function sqliteBaselineSeconds(bench: BenchService, dataDir: string, rows: ImportRow[]): number {
  const sqlite = new SqliteDatabase(path.join(dataDir, 'linedesk.sqlite'));
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -65536');
  try {
    const now = new Date().toISOString();
    const placeholders = `(${columns.map(() => '?').join(',')})`;
    const start = performance.now();
    for (let at = 0; at < rows.length; at += chunkRows) {
      const chunk = rows.slice(at, at + chunkRows);
      const insert = sqlite.prepare(
        `insert into accounts (${columns.join(',')}) values ${chunk.map(() => placeholders).join(',')}`,
      );
      sqlite.transaction(() =>
        insert.run(chunk.flatMap((row) => accountValues(bench, row, now))),
      )();
    }
    return (performance.now() - start) / 1000;
  } finally {
    sqlite.close();
  }
}

/** PostgreSQL baseline: the same rows by COPY from a CSV file the server reads itself. */
async function postgresBaselineSeconds(bench: BenchService, rows: ImportRow[]): Promise<number> {
  const folder = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-copy-'));
  chmodSync(folder, 0o755);
  const file = path.join(folder, 'accounts.csv');
  const now = new Date().toISOString();
  const quote = (value: unknown) => `"${String(value).replaceAll('"', '""')}"`;
  writeFileSync(
    file,
    rows.map((row) => accountValues(bench, row, now).map(quote).join(',')).join('\n') + '\n',
  );
  chmodSync(file, 0o644);
  try {
    const start = performance.now();
    for (let at = 0; at < rows.length; at += rows.length) {
      await sql
        .raw(`copy accounts (${columns.join(',')}) from '${file}' with (format csv)`)
        .execute(bench.service.deps.db);
    }
    return (performance.now() - start) / 1000;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measure(
  backend: 'sqlite' | 'postgres',
  context: BenchContext,
): Promise<BenchFigure[]> {
  const count = context.quick ? 5_000 : 20_000;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-import-'));
  const bench = await startBenchService({
    dataDir,
    ...(backend === 'postgres' ? { postgresServerUrl: context.postgresUrl } : {}),
  });
  try {
    // Warm-up: the first chunk pays for compiling and caching queries.
    await importSeconds(bench, rowsFor(chunkRows, 'warm-', 0));
    const imported = await importSeconds(bench, rowsFor(count, 'imp-', 100_000));
    const raw =
      backend === 'sqlite'
        ? sqliteBaselineSeconds(bench, dataDir, rowsFor(count, 'raw-', 200_000))
        : await postgresBaselineSeconds(bench, rowsFor(count, 'raw-', 200_000));
    const rate = count / imported;
    const baseline = count / raw;
    const name = backend === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    return [
      figure(
        `import.${backend}.rowsPerSec`,
        rate,
        'rows/s',
        `${name}: ${count} rows imported through HTTP in 1,000-row chunks; ${(baseline / rate).toFixed(1)}x slower than the raw baseline (target ≥ ${backend === 'sqlite' ? '20,000' : '10,000'} rows/s or within 10x).`,
      ),
      figure(
        `import.${backend}.baselineRowsPerSec`,
        baseline,
        'rows/s',
        `${name}: the same rows inserted raw (${backend === 'sqlite' ? 'multi-row INSERT' : 'COPY'}), no checks.`,
      ),
    ];
  } finally {
    await bench.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const importThroughputBench: BenchModule = {
  name: 'import throughput',
  async run(context) {
    const figures = await measure('sqlite', context);
    if (context.postgresUrl) figures.push(...(await measure('postgres', context)));
    return figures;
  },
};
