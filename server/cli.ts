// `npm run server`: starts the provisioning service. Prints `listening on http://HOST:PORT` as a
// plain stdout line (JSON logs go to stderr) and, on a first start without LINEDESK_ADMIN_PASSWORD,
// the generated bootstrap password once.
import { loadConfig, type ServiceConfig } from './config';
import { seedDemo } from './demo/seed';
import type { AppDeps } from './deps';
import { startService } from './start-service';

/** `--demo`: ACCOUNTS' seed fills an empty database with a demo tree, pools and accounts. */
async function seedDemoData(deps: AppDeps): Promise<void> {
  const seeded = await seedDemo(deps);
  process.stdout.write(
    seeded ? 'demo data seeded\n' : 'demo data not seeded: the database already has data\n',
  );
}

async function main(): Promise<void> {
  let config: ServiceConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(
      'usage: npm run server -- [--host HOST] [--port PORT] [--data-dir DIR] [--demo]\n',
    );
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
