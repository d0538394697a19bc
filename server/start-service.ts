// Assembles a running service from its configuration: database (migrated), secrets, bootstrap
// administrator, Fastify app. Used by cli.ts and by the test harness, so both start the same way.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app';
import type { ServiceConfig } from './config';
import { createDatabase, type ServiceDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import type { AppDeps } from './deps';
import { ensureBootstrapAdministrator, type BootstrapResult } from './domain/bootstrap';
import { assertSecretStrength, loadServiceSecrets } from './domain/secrets';

export interface StartedService {
  app: FastifyInstance;
  deps: AppDeps;
  database: ServiceDatabase;
  bootstrap: BootstrapResult;
  /** Closes the app (and its workers), then the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** Runs after bootstrap, before the app is built (the demo seed). */
  beforeBuild?: (deps: AppDeps) => Promise<void>;
}

export async function startService(
  config: ServiceConfig,
  options: StartOptions = {},
): Promise<StartedService> {
  // Refuse before anything is created on disk.
  assertSecretStrength(config.secret);
  for (const secret of config.acceptedSecrets) {
    assertSecretStrength(secret, 'LINEDESK_ACCEPTED_SECRETS');
  }
  const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const deps: AppDeps = {
      db: database.db,
      dialect: database.dialect,
      config,
      secrets: await loadServiceSecrets(database.db, config.secret, config.acceptedSecrets),
      now: options.now ?? (() => new Date()),
    };
    const bootstrap = await ensureBootstrapAdministrator(deps);
    await options.beforeBuild?.(deps);
    const app = await buildApp(deps, { logger: options.logger });
    return {
      app,
      deps,
      database,
      bootstrap,
      close: async () => {
        await app.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}
