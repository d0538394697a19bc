// `npm run bench` (`-- --quick`: smaller sizes, same keys, under 3 minutes): runs every registered
// bench module side by side in one process, prints a table and writes bench/results/latest.json
// (flat `key: number`). The PostgreSQL figures use the bench's own throwaway cluster.
// No thresholds here: figures and ratios are read by people (bench/README.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { accountListBench } from './account-list';
import { csvCheckBench } from './csv-check';
import { accountsGridBench } from './accounts-grid';
import type { BenchContext, BenchFigure, BenchModule } from './bench-module';
import { importThroughputBench } from './import-throughput';
import { importWizardBench } from './import-wizard';
import { invitationHashBench } from './invitation-hash';
import { inviteDeliveryBench } from './invite-delivery';
import { startBenchPostgres, stopBenchPostgres } from './postgres-server';
import { reportSummaryBench } from './report-summary';
import { startupSizeBench } from './startup-size';

/** Every bench module, in the order they run. Register a new one with one line here. */
const modules: BenchModule[] = [
  invitationHashBench,
  importThroughputBench,
  accountListBench,
  csvCheckBench,
  inviteDeliveryBench,
  startupSizeBench,
  accountsGridBench,
  importWizardBench,
  reportSummaryBench,
];

const quick = process.argv.includes('--quick');
/** `--only=a,b` or `--only a,b`: module names, a hyphen standing for a space (`accounts-list`). */
function onlyNames(argv: string[]): string[] | undefined {
  const at = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (at < 0) return undefined;
  const value = argv[at]!.startsWith('--only=') ? argv[at]!.slice('--only='.length) : argv[at + 1];
  return (value ?? '').split(',').map((name) => name.trim().replaceAll('-', ' '));
}
const only = onlyNames(process.argv);
const postgresUrl = process.argv.includes('--no-postgres') ? undefined : startBenchPostgres();
const context: BenchContext = { quick, postgresUrl };
const figures: BenchFigure[] = [];
const started = performance.now();
try {
  for (const module of modules) {
    if (only && !only.includes(module.name)) continue;
    const at = performance.now();
    process.stdout.write(`${module.name}… `);
    figures.push(...(await module.run(context)));
    console.log(`${((performance.now() - at) / 1000).toFixed(1)} s`);
  }
} finally {
  if (postgresUrl) stopBenchPostgres();
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\n${quick ? 'quick run' : 'full run'} on ${machine}`);
console.log('figure'.padEnd(38) + 'value'.padStart(16) + '  unit');
for (const f of figures) {
  const value = f.value >= 100 ? Math.round(f.value).toLocaleString('en') : f.value.toFixed(2);
  console.log(f.key.padEnd(38) + value.padStart(16) + `  ${f.unit}`);
  console.log(`    ${f.meaning}`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);

const outDir = path.join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'latest.json');
// A partial run (--only) updates its own keys and keeps the others' last figures.
const previous = only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
const latest = { ...previous, ...Object.fromEntries(figures.map((f) => [f.key, f.value])) };
writeFileSync(file, JSON.stringify(latest, null, 2) + '\n');
console.log(`written to ${path.relative(process.cwd(), file)}`);
process.exit(0);
