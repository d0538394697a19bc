// Reading the counts the database keeps for the Reports (migrations 007 and 009): accounts by status,
// per-hour measures summed into the report's local days, and the hour-less pool measures.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { rebuildStatements } from '../../db/report-count-sources';
import { toCount } from '../../db/values';
import { isPostgres, type Db } from '../organization-context';
import type { ReportDays } from './report-days';

interface ReportCountsTable {
  organization_id: string;
  hour: string;
  measure: string;
  n: number;
}
interface AccountCountsTable {
  organization_id: string;
  status: string;
  account_count: number;
}

const countsDb = (db: Db) =>
  db.withTables<{ report_counts: ReportCountsTable; account_counts: AccountCountsTable }>();

/** Hourly counts add up to the report's days only when every day starts on a whole UTC hour. */
export function onWholeHours(range: ReportDays): boolean {
  return range.days.every(
    (day) => day.start.endsWith(':00:00.000Z') && day.end.endsWith(':00:00.000Z'),
  );
}

/** Accounts per status in these organizations (account_counts, kept by migration 007's triggers). */
export async function statusCounts(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await countsDb(db)
    .selectFrom('account_counts')
    .select(['status', sql<unknown>`sum(account_count)`.as('n')])
    .where('organization_id', 'in', ids)
    .groupBy('status')
    .execute();
  return new Map(rows.map((row) => [row.status, toCount(row.n)]));
}

/** Per-day sums of each measure over the range: measure → day → count (days on whole hours only). */
export async function dailyMeasures(
  db: Db,
  ids: readonly string[],
  range: ReportDays,
): Promise<Map<string, Map<string, number>>> {
  const hour = (iso: string) => iso.slice(0, 13);
  const rows = await countsDb(db)
    .selectFrom('report_counts')
    .select(['hour', 'measure', sql<unknown>`sum(n)`.as('n')])
    .where('organization_id', 'in', ids)
    .where('hour', '>=', hour(range.start))
    .where('hour', '<', hour(range.end))
    .groupBy(['hour', 'measure'])
    .orderBy('hour')
    .execute();
  const perMeasure = new Map<string, Map<string, number>>();
  let day = 0;
  for (const row of rows) {
    // Rows come in hour order: walk the days alongside them.
    while (day < range.days.length - 1 && hour(range.days[day]!.end) <= row.hour) day += 1;
    const date = range.days[day]!.date;
    const days = perMeasure.get(row.measure) ?? new Map<string, number>();
    days.set(date, (days.get(date) ?? 0) + toCount(row.n));
    perMeasure.set(row.measure, days);
  }
  return perMeasure;
}

/** The hour-less measures (pool numbers by state, accounts waiting for a number) per organization. */
export async function poolMeasures(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const rows = await countsDb(db)
    .selectFrom('report_counts')
    .select(['organization_id', 'measure', 'n'])
    .where('organization_id', 'in', ids)
    .where('hour', '=', '')
    .execute();
  const perOrganization = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const measures = perOrganization.get(row.organization_id) ?? new Map<string, number>();
    measures.set(row.measure, toCount(row.n));
    perOrganization.set(row.organization_id, measures);
  }
  return perOrganization;
}

/** Sums one measure's days. */
export const total = (days: Map<string, number> | undefined): number =>
  [...(days?.values() ?? [])].reduce((sum, n) => sum + n, 0);

/** Recounts report_counts from the tables (after a bulk load that ran without the triggers). */
export async function rebuildReportCounts(db: Kysely<Database>): Promise<void> {
  for (const statement of rebuildStatements(isPostgres(db))) await sql.raw(statement).execute(db);
}
