// What every route and domain service needs from the running service; built once by cli.ts or
// the test harness and handed to buildApp (reachable as `app.deps` / `request.server.deps`).
import type { Kysely } from 'kysely';
import type { ServiceConfig } from './config';
import type { DialectName } from './db/database';
import type { Database } from './db/schema';
import type { ServiceSecrets } from './domain/secrets';

export interface AppDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  config: ServiceConfig;
  secrets: ServiceSecrets;
  /** The clock; tests may move it (invitation expiry, rate-limit windows, token expiry). */
  now: () => Date;
}
