// Brings the schema up to date on start: every file in db/migrations/ in name order
// (001-core, 002-imports, …). Kysely's migrator locks, so several instances may start at once.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema';

/** What a file in db/migrations/ exports: plain functions, so taking them off the module is safe. */
interface MigrationModule {
  up: (db: Kysely<unknown>) => Promise<void>;
  down?: (db: Kysely<unknown>) => Promise<void>;
}

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Loads the migration modules itself (rather than Kysely's FileMigrationProvider) so that the
 * imports go through whatever runs our TypeScript: tsx for the CLI, Vite's runner in Vitest.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const files = readdirSync(migrationFolder)
      .filter((file) => /^\d+-[\w-]+\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts'))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const module = (await import(
        pathToFileURL(path.join(migrationFolder, file)).href
      )) as MigrationModule;
      migrations[file.replace(/\.(ts|js|mjs)$/, '')] = { up: module.up, down: module.down };
    }
    return migrations;
  },
};

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // Parallel work lands numbered migrations in any order (a database that ran 009 still takes 008).
  const migrator = new Migrator({ db, provider: folderProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(
      `The database schema could not be updated${name}: ${error instanceof Error ? error.toString() : 'an unknown error'}`,
      {
        cause: error,
      },
    );
  }
}
