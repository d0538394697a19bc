// The summary's per-day measures counted from the rows themselves, for a time zone whose days do
// not start on a whole UTC hour (India, Nepal…), where report_counts' hours cannot be split. Same
// measure names and meaning as server/db/report-count-sources.ts; slower at size, always exact.
import { sql, type RawBuilder } from 'kysely';
import { withinDays } from '../../db/report-count-sources';
import { toCount } from '../../db/values';
import { isPostgres, type Db } from '../organization-context';
import type { ReportDays } from './report-days';

/** `with days(day, start_at, end_at) as (values …)`: the range's days as a table. */
export function daysTable(range: ReportDays): RawBuilder<unknown> {
  return sql`days(day, start_at, end_at) as (values ${sql.join(
    range.days.map((day) => sql`(${day.date}, ${day.start}, ${day.end})`),
  )})`;
}

export const idList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`));

/** Milliseconds from the first invitation to activation, exact on either dialect. */
export function msToActivate(db: Db): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`(extract(epoch from (activated_at::timestamptz - first_invited_at::timestamptz)) * 1000)`
    : sql<number>`round((julianday(activated_at) - julianday(first_invited_at)) * 86400000.0)`;
}

type Found = { day: string; measure: string; n: unknown };

async function perDay(db: Db, query: RawBuilder<unknown>): Promise<Found[]> {
  return (await query.execute(db)).rows as Found[];
}

/** Accounts per day of `column`, with the funnel's measures when it is the first invitation. */
function accountsPerDay(db: Db, ids: readonly string[], range: ReportDays, column: string) {
  const at = sql.ref(`a.${column}`);
  const measure = { created_at: 'created', activated_at: 'activated' }[column] ?? 'invited';
  return perDay(
    db,
    sql`with ${daysTable(range)}
      select days.day as day, ${sql.lit(measure)} as measure, count(*) as n from days
      join accounts a on ${at} >= days.start_at and ${at} < days.end_at
      where a.organization_id in (${idList(ids)})
      group by days.day`,
  );
}

/** The funnel's cohort per day of first invitation: activated, and activated within N days. */
async function funnelPerDay(db: Db, ids: readonly string[], range: ReportDays) {
  const ms = msToActivate(db);
  const found = await perDay(
    db,
    sql`with ${daysTable(range)}
      select days.day as day, 'funnel_activated' as measure, count(*) as n
        ${sql.join(
          withinDays.map(
            (days) =>
              sql`, sum(case when ${ms} <= ${days * 86_400_000} then 1 else 0 end) as ${sql.ref(`within_${days}`)}`,
          ),
          sql``,
        )}
      from days join accounts a
        on a.first_invited_at >= days.start_at and a.first_invited_at < days.end_at
      where a.organization_id in (${idList(ids)}) and a.activated_at is not null
      group by days.day`,
  );
  return found.flatMap((row) => [
    row,
    ...withinDays.map((days) => ({
      day: row.day,
      measure: `activated_within_${days}`,
      n: (row as Record<string, unknown>)[`within_${days}`],
    })),
  ]);
}

/** Account invitation messages per day (by when they were queued): delivery states and failure reasons. */
function messagesPerDay(db: Db, ids: readonly string[], range: ReportDays) {
  const scoped = sql`from days join outbox_messages m
      on m.created_at >= days.start_at and m.created_at < days.end_at
      where m.organization_id in (${idList(ids)}) and m.account_id is not null`;
  return perDay(
    db,
    sql`with ${daysTable(range)}
      select days.day as day, 'message_' || m.status as measure, count(*) as n ${scoped}
      group by days.day, m.status
      union all
      select days.day as day, 'failure_' || coalesce(m.failure_reason, 'other') as measure,
        count(*) as n ${scoped} and m.status = 'failed'
      group by days.day, coalesce(m.failure_reason, 'other')`,
  );
}

/** Per-day sums of each measure over the range, counted from the rows: measure → day → count. */
export async function dailyMeasuresFromRows(
  db: Db,
  ids: readonly string[],
  range: ReportDays,
): Promise<Map<string, Map<string, number>>> {
  const found = [
    ...(await accountsPerDay(db, ids, range, 'created_at')),
    ...(await accountsPerDay(db, ids, range, 'activated_at')),
    ...(await accountsPerDay(db, ids, range, 'first_invited_at')),
    ...(await funnelPerDay(db, ids, range)),
    ...(await messagesPerDay(db, ids, range)),
  ];
  const perMeasure = new Map<string, Map<string, number>>();
  for (const row of found) {
    const days = perMeasure.get(row.measure) ?? new Map<string, number>();
    days.set(row.day, (days.get(row.day) ?? 0) + toCount(row.n));
    perMeasure.set(row.measure, days);
  }
  return perMeasure;
}
