// The CSV engine on a generated file of 1,000,000 rows (quick: 100,000): its check in the worker
// thread against a raw papaparse parse of the same file, its peak memory, and paging 100 rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { figure, type BenchModule } from './bench-module';

/** Writes an HR-export-like CSV: mostly emails, some device numbers, 1 % with a problem. */
export function writeStaffCsv(file: string, rows: number): void {
  const fd = openSync(file, 'w');
  let batch =
    'First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number\r\n';
  const areas = [212, 312, 415, 617, 713, 206];
  for (let i = 0; i < rows; i += 1) {
    let contact: string;
    if (i % 100 === 0) contact = `not an address ${i}`;
    else if (i % 10 === 0) {
      const area = areas[i % areas.length]!;
      contact = `+1 ${area} ${200 + (i % 800)} ${String(i % 10_000).padStart(4, '0')}`;
    } else contact = `first.last${i}@example.com`;
    batch += `Firstname${i},Lastname${i},${contact},${(i % 3) + 1},,\r\n`;
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
}

function child(mode: 'papaparse' | 'engine', file: string): Record<string, number> {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'csv-check-child.ts'), mode, file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) throw new Error(`csv bench (${mode}) failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** Runs of each side: the ratio is of the medians, so one disturbed run on a shared machine does not set it. */
const RUNS = 3;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const csvCheckBench: BenchModule = {
  name: 'csv',
  async run(context) {
    const rows = context.quick ? 100_000 : 1_000_000;
    const dir = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-csv-'));
    try {
      const file = path.join(dir, 'staff.csv');
      writeStaffCsv(file, rows);
      // Side by side: raw, engine, raw, engine… so both see the same moments of the machine.
      const raws: Record<string, number>[] = [];
      const engines: Record<string, number>[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        raws.push(child('papaparse', file));
        engines.push(child('engine', file));
      }
      const rawMs = median(raws.map((raw) => raw.ms!));
      const engineMs = median(engines.map((engine) => engine.ms!));
      const seconds = (ms: number) => (ms / 1000).toFixed(2);
      const spread = (values: number[]) =>
        `${seconds(Math.min(...values))}–${seconds(Math.max(...values))} s`;
      const label = rows.toLocaleString('en');
      return [
        figure(
          'csv.rowsPerSec',
          (engines[0]!.rows! / engineMs) * 1000,
          'rows/s',
          `Rows of a ${label}-row file read, decoded and checked in the worker thread, median of ${RUNS} runs (target: the whole file within 3× a raw parse).`,
        ),
        figure(
          'csv.ratio',
          engineMs / rawMs,
          '×',
          `The engine's check (median ${seconds(engineMs)} s of ${RUNS}, ${spread(engines.map((e) => e.ms!))}) against a raw papaparse parse of the same file (median ${seconds(rawMs)} s, ${spread(raws.map((r) => r.ms!))}), run alternately; target ≤ 3.`,
        ),
        figure(
          'csv.peakRssMb',
          Math.max(...engines.map((engine) => engine.peakRssMb!)),
          'MB',
          `Peak resident memory of the process holding the checked ${label} rows, highest of ${RUNS} runs (raw parse: ${Math.round(Math.max(...raws.map((raw) => raw.peakRssMb!)))} MB); target ≤ 512.`,
        ),
        figure(
          'csv.page100Ms',
          Math.max(...engines.map((engine) => engine.pageMaxMs!)),
          'ms',
          `Slowest of ${RUNS} × 200 pages of 100 rows at random offsets (all rows and problems only) through the worker; median ${median(engines.map((engine) => engine.pageP50Ms!)).toFixed(2)} ms; target ≤ 50.`,
        ),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
