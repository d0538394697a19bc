// `npm run bench`: measures the service's speed and memory side by side in one run and prints
// ratios (so a shared, noisy machine still gives comparable figures), then writes
// bench/results/latest.json. No thresholds here: the ratios are read by people and compared.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { accountPagingBench } from './account-paging';
import { invitationHashBench } from './invitation-hash';
import { importThroughputBench } from './import-throughput';
import type { BenchResult } from './measure';

const results: BenchResult[] = [];
for (const bench of [invitationHashBench, accountPagingBench, importThroughputBench]) {
  const result = await bench();
  results.push(...result);
}

console.log(
  '\n' +
    'benchmark'.padEnd(82) +
    'baseline'.padStart(18) +
    'measured'.padStart(18) +
    'ratio'.padStart(10),
);
for (const r of results) {
  console.log(
    r.name.padEnd(82) +
      `${r.baseline.toFixed(2)} ${r.unit}`.padStart(18) +
      `${r.measured.toFixed(2)} ${r.unit}`.padStart(18) +
      `${r.ratio.toFixed(2)}x`.padStart(10),
  );
  console.log(`  ${r.meaning}`);
}

const outDir = path.join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2),
);
console.log(`\nwritten to ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
process.exit(0);
