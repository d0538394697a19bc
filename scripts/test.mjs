// `npm test`: the whole suite — the published contract through `redocly lint`, Vitest (common,
// server on SQLite and PostgreSQL, electron main, renderer components), then Playwright end to
// end against a real service process.
import { spawnSync } from 'node:child_process';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command.split('/').pop()} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

if (!process.env.DATABASE_URL) {
  console.log(
    'DATABASE_URL is not set: the PostgreSQL half of the service suite will be skipped. ' +
      'Start one with `scripts/pg.sh start` (as root) and export the URL it prints.',
  );
}

const results = [
  ['published contract', run('published contract', bin('tsx'), ['scripts/lint-openapi.ts'])],
  ['unit and integration', run('unit and integration', bin('vitest'), ['run'])],
  ['end to end', run('end to end', bin('playwright'), ['test'])],
];
const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : '\nAll suites passed.');
process.exit(failed.length ? 1 : 0);
