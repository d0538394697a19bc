// results.csv of an import: every row as it was sent (template columns, so "fix failed rows" can
// re-import the file), then its spreadsheet row, outcome, account and messages. Formula-safe.
import type { Kysely } from 'kysely';
import type { ImportRowError } from '../../../common/api/imports';
import { IMPORT_RESULTS_EXTRA_COLUMNS } from '../../../common/api/imports';
import { TEMPLATE_HEADER_LABELS, csvLine } from '../../../common/csv';
import type { Database } from '../../db/schema';
import { parseJson } from '../../db/values';
import { importsDb } from './import-job';

const OUTCOME_LABELS = { created: 'Created', invalid: 'Invalid', duplicate: 'Duplicate' } as const;

/** The whole results file (rows in the order they were sent). */
export async function importResultsCsv(db: Kysely<Database>, jobId: string): Promise<string> {
  const parts = [csvLine([...TEMPLATE_HEADER_LABELS, ...IMPORT_RESULTS_EXTRA_COLUMNS])];
  const pageSize = 2000;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await importsDb(db)
      .selectFrom('import_rows')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('chunk_index')
      .orderBy('position')
      .limit(pageSize)
      .offset(offset)
      .execute();
    for (const row of rows) {
      const errors = parseJson<ImportRowError[]>(row.errors, []);
      parts.push(
        csvLine([
          row.first_name,
          row.last_name,
          row.contact,
          row.lines_allowed,
          row.permission_profile,
          row.number,
          row.row_number,
          OUTCOME_LABELS[row.outcome],
          row.account_id,
          errors.map((error) => error.message).join('\n'),
        ]),
      );
    }
    if (rows.length < pageSize) break;
  }
  return parts.join('');
}
