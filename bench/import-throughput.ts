// Bulk import: rows per second through import chunks (500 rows a request) against creating the
// same kind of accounts one request at a time, and the memory the service holds while doing it.
import { randomUUID } from 'node:crypto';
import { medianMs, result, type BenchResult } from './measure';
import { startBenchService, type BenchService } from './bench-service';

const chunkRows = 500;
const importedRows = 10_000;
const singleRows = 300;

function row(i: number, prefix: string) {
  return {
    rowNumber: i + 2,
    firstName: `Ada${i}`,
    lastName: `Lovelace${i}`,
    contact: `${prefix}${i}@example.com`,
  };
}

async function importRows(bench: BenchService, count: number): Promise<void> {
  const created = await bench.request(
    'POST',
    '/api/v1/imports',
    {
      organizationId: bench.rootOrganizationId,
      applications: ['MultiLine'],
      invite: false,
      fileName: 'bench.csv',
      rowCount: count,
    },
    { 'idempotency-key': randomUUID() },
  );
  if (created.status !== 201)
    throw new Error(`POST /imports answered ${created.status}: ${JSON.stringify(created.json())}`);
  const { id } = created.json() as { id: string };
  const prefix = `imp-${id.slice(0, 8)}-`;
  for (let index = 0; index * chunkRows < count; index += 1) {
    const rows = [];
    for (let i = index * chunkRows; i < Math.min(count, (index + 1) * chunkRows); i += 1)
      rows.push(row(i, prefix));
    const res = await bench.request('PUT', `/api/v1/imports/${id}/chunks/${index}`, { rows });
    if (res.status !== 200) throw new Error(`chunk ${index} answered ${res.status}`);
  }
  const done = await bench.request('POST', `/api/v1/imports/${id}/complete`, {});
  if (done.status !== 200) throw new Error(`complete answered ${done.status}`);
}

async function createOneByOne(bench: BenchService, count: number): Promise<void> {
  const prefix = `one-${randomUUID().slice(0, 8)}-`;
  for (let i = 0; i < count; i += 1) {
    const r = row(i, prefix);
    const res = await bench.request('POST', '/api/v1/accounts', {
      organizationId: bench.rootOrganizationId,
      firstName: r.firstName,
      lastName: r.lastName,
      contact: r.contact,
      applications: ['MultiLine'],
      linesAllowed: 1,
      invite: false,
    });
    if (res.status !== 201) throw new Error(`POST /accounts answered ${res.status}`);
  }
}

export async function importThroughputBench(): Promise<BenchResult[]> {
  const bench = await startBenchService();
  try {
    const singleMs = await medianMs(() => createOneByOne(bench, singleRows), 3, 1);
    const rssBefore = process.memoryUsage().rss;
    const importMs = await medianMs(() => importRows(bench, importedRows), 3, 1);
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    const singleRate = singleRows / (singleMs / 1000);
    const importRate = importedRows / (importMs / 1000);
    return [
      result(
        'import: rows/s in 500-row chunks vs one account per request',
        'rows/s',
        singleRate,
        importRate,
        `Chunked import speed-up; 100,000 rows would take about ${(100_000 / importRate).toFixed(0)} s. ` +
          `Process memory grew ${rssGrowthMb.toFixed(0)} MiB over ${4 * importedRows} imported rows.`,
      ),
    ];
  } finally {
    await bench.close();
  }
}
