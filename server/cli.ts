// `npm run server`: starts the provisioning service. Prints `listening on http://HOST:PORT` as a
// plain stdout line (JSON logs go to stderr) and, on a first start without LINEDESK_ADMIN_PASSWORD,
// the generated bootstrap password once. `npm run server -- reset-password EMAIL [--data-dir DIR]`
// prints a new temporary password for that administrator instead.
import { loadConfig, type ServiceConfig } from './config';
import { seedDemo } from './demo/seed';
import type { AppDeps } from './deps';
import { startService } from './start-service';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { resetPasswordFromConsole } from './domain/administrators/console-reset';
import { assertSecretStrength } from './domain/secrets';

/** `--demo`: the demo seed fills an empty database with a demo tree, pools and accounts. */
async function seedDemoData(deps: AppDeps): Promise<void> {
  const seeded = await seedDemo(deps);
  process.stdout.write(
    seeded ? 'demo data seeded\n' : 'demo data not seeded: the database already has data\n',
  );
}

const usage =
  'usage: npm run server -- [--host HOST] [--port PORT] [--data-dir DIR] [--demo]\n' +
  '       npm run server -- reset-password EMAIL [--data-dir DIR]\n';

/** `reset-password EMAIL`: on the service's own data, without starting it. */
async function resetPassword(email: string, config: ServiceConfig): Promise<void> {
  assertSecretStrength(config.secret);
  const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const outcome = await resetPasswordFromConsole(database.db, email, new Date());
    if (!outcome.ok) {
      process.stderr.write(`${outcome.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `temporary password for ${outcome.value.email}: ${outcome.value.temporaryPassword}\n` +
        'Sign in with it and choose a new password; every earlier session has ended.\n',
    );
  } finally {
    await database.destroy();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === 'reset-password') {
    const email = args[1];
    let resetConfig: ServiceConfig;
    try {
      if (!email || email.startsWith('--')) throw new Error('reset-password needs the EMAIL.');
      resetConfig = loadConfig(args.slice(2));
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
      process.exit(2);
    }
    return resetPassword(email, resetConfig);
  }
  let config: ServiceConfig;
  try {
    config = loadConfig(args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(usage);
    process.exit(2);
  }
  const service = await startService(config, {
    logger: { level: config.logLevel, stream: process.stderr },
    beforeBuild: config.demo ? seedDemoData : undefined,
  });
  if (service.bootstrap.created) {
    const { email, generatedPassword } = service.bootstrap;
    process.stdout.write(`bootstrap administrator: ${email}\n`);
    if (generatedPassword) {
      process.stdout.write(
        `bootstrap password (shown once, change it after signing in): ${generatedPassword}\n`,
      );
    }
  }
  const address = await service.app.listen({ host: config.host, port: config.port });
  const url = new URL(address);
  process.stdout.write(
    `listening on http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${url.port}\n`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    service.app.log.info({ signal }, 'shutting down');
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The provisioning service could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
