// `npm run seed -- --accounts 1000000 [--data-dir DIR]` (DATABASE_URL for PostgreSQL): fills an
// empty database with the demo company grown to that many accounts, for measuring at size.
import { loadConfig } from './config';
import { seedManyAccounts } from './demo/seed-accounts';
import { startService } from './start-service';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--accounts');
  const count = at >= 0 ? Number(args[at + 1]) : NaN;
  if (!Number.isInteger(count) || count < 0) {
    process.stderr.write(
      'usage: npm run seed -- --accounts N [--data-dir DIR]   (DATABASE_URL for PostgreSQL)\n',
    );
    process.exit(2);
  }
  args.splice(at, 2);
  const config = loadConfig(args);
  const started = Date.now();
  let seeded = false;
  const service = await startService(config, {
    logger: false,
    beforeBuild: async (deps) => {
      seeded = await seedManyAccounts(deps, count, (done) =>
        process.stdout.write(`${done.toLocaleString('en')} accounts\n`),
      );
    },
  });
  await service.close();
  process.stdout.write(
    seeded
      ? `seeded ${count.toLocaleString('en')} accounts in ${((Date.now() - started) / 1000).toFixed(0)} s\n`
      : 'not seeded: the database already has data\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
