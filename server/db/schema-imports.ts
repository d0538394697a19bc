// Kysely table types of CSV imports (migrations/002-imports.ts). Reach them with
// `db.withTables<ImportTables>()`.
import type { Flag } from './schema';

export interface ImportJobsTable {
  id: string;
  organization_id: string;
  /** The tenant, for history lists scoped to a subtree. */
  root_organization_id: string;
  administrator_id: string | null;
  status: 'open' | 'completed' | 'failed';
  invite: Flag;
  file_name: string;
  row_count: number;
  /** JSON array, e.g. ["MultiLine"]. */
  applications: string;
  /** Resolved at creation: the job's profile or the organization's default. */
  permission_profile_id: string | null;
  created_count: number;
  invalid_count: number;
  duplicate_count: number;
  invited_count: number;
  chunks_received: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** One row per received chunk: its primary key makes a chunk count once, whatever the retries. */
export interface ImportChunksTable {
  job_id: string;
  chunk_index: number;
  row_count: number;
  created_at: string;
}

/** Each row's outcome, kept to answer a re-sent chunk and to write results.csv. */
export interface ImportRowsTable {
  job_id: string;
  chunk_index: number;
  /** Position inside the chunk. */
  position: number;
  /** As a spreadsheet shows it (header = row 1). */
  row_number: number;
  outcome: 'created' | 'invalid' | 'duplicate';
  account_id: string | null;
  /** JSON array of {column, message}. */
  errors: string;
  first_name: string;
  last_name: string;
  contact: string;
  lines_allowed: string;
  permission_profile: string;
  number: string;
}

// A type alias (not an interface) so Kysely's withTables<…>() accepts it.
export type ImportTables = {
  import_jobs: ImportJobsTable;
  import_chunks: ImportChunksTable;
  import_rows: ImportRowsTable;
};
