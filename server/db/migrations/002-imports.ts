// 002-imports: CSV import jobs, the chunks received (one row each, so a re-sent chunk is recognised)
// and every row's outcome (answers re-sent chunks and results.csv). SQLite and PostgreSQL alike.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('root_organization_id', 'text', (c) => c.notNull())
    .addColumn('administrator_id', 'text', (c) =>
      c.references('administrators.id').onDelete('set null'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invite', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('applications', 'text', (c) => c.notNull())
    .addColumn('permission_profile_id', 'text')
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invalid_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invited_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chunks_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('import_jobs_organization')
    .on('import_jobs')
    .columns(['organization_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('import_chunks')
    .addColumn('job_id', 'text', (c) =>
      c.notNull().references('import_jobs.id').onDelete('cascade'),
    )
    .addColumn('chunk_index', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_chunks_pk', ['job_id', 'chunk_index'])
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('job_id', 'text', (c) =>
      c.notNull().references('import_jobs.id').onDelete('cascade'),
    )
    .addColumn('chunk_index', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('lines_allowed', 'text', (c) => c.notNull())
    .addColumn('permission_profile', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rows_pk', ['job_id', 'chunk_index', 'position'])
    .execute();
  await db.schema
    .createIndex('import_rows_account')
    .on('import_rows')
    .columns(['job_id', 'outcome'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_rows', 'import_chunks', 'import_jobs']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
