// `npm run bench` (`-- --quick`: smaller sizes, same keys, under 3 minutes): runs every registered
// bench module side by side in one process, prints a table and writes bench/results/latest.json
// (flat `key: number`). The PostgreSQL figures use the bench's own throwaway cluster.
// No thresholds here: figures and ratios are read by people (bench/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { accountListBench } from './account-list';
import { csvCheckBench } from './csv-check';
import { accountsGridBench } from './accounts-grid';
import type { BenchContext, BenchFigure, BenchModule } from './bench-module';
import { importThroughputBench } from './import-throughput';
import { invitationHashBench } from './invitation-hash';
import { inviteDeliveryBench } from './invite-delivery';
import { startBenchPostgres, stopBenchPostgres } from './postgres-server';
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
];

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const postgresUrl = process.argv.includes('--no-postgres') ? undefined : startBenchPostgres();
const context: BenchContext = { quick, postgresUrl };
const figures: BenchFigure[] = [];
const started = performance.now();
try {
  for (const module of modules) {
    if (only && !only.split(',').includes(module.name)) continue;
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
writeFileSync(
  file,
  JSON.stringify(Object.fromEntries(figures.map((f) => [f.key, f.value])), null, 2) + '\n',
);
console.log(`written to ${path.relative(process.cwd(), file)}`);
process.exit(0);
