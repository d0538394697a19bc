// The Reports summary: accounts by status now, the activation funnel of the accounts first invited
// in the range, per-day counts, number pools per organization, delivery failures and imports.
// Counts come from what the database keeps (report-counts.ts), summed into the range's local days;
// a time zone whose days start off the hour counts the rows instead (summary-from-rows.ts).
import { sql } from 'kysely';
import { accountStatuses, type AccountStatus } from '../../../common/api/accounts';
import { numberStates } from '../../../common/api/numbers';
import {
  deliveryFailureReasons,
  funnelDays,
  type DeliveryFailureReason,
  type ReportSummary,
} from '../../../common/api/reports';
import { toCount } from '../../db/values';
import type { Db } from '../organization-context';
import { dailyMeasures, onWholeHours, poolMeasures, statusCounts, total } from './report-counts';
import type { ReportDays } from './report-days';
import { daysTable, dailyMeasuresFromRows, idList, msToActivate } from './summary-from-rows';

type Measures = Map<string, Map<string, number>>;

async function accountsByStatus(db: Db, ids: readonly string[]) {
  const found = await statusCounts(db, ids);
  return Object.fromEntries(
    accountStatuses.map((status) => [status, found.get(status) ?? 0]),
  ) as Record<AccountStatus, number>;
}

/**
 * Hours from first invitation to activation of the cohort's middle account (odd) or the mean of
 * the middle two (even), read from the accounts' first-invitation index.
 */
async function medianHoursToActivate(
  db: Db,
  ids: readonly string[],
  range: ReportDays,
  activated: number,
): Promise<number | null> {
  if (activated === 0) return null;
  const middle = await sql<{ ms: unknown }>`
    select ${msToActivate(db)} as ms from accounts
    where organization_id in (${idList(ids)}) and activated_at is not null
      and first_invited_at >= ${range.start} and first_invited_at < ${range.end}
    order by ms limit ${activated % 2 === 0 ? 2 : 1} offset ${Math.floor((activated - 1) / 2)}`.execute(
    db,
  );
  const values = middle.rows.map((row) => Number(row.ms) / 3_600_000);
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}

async function funnel(db: Db, ids: readonly string[], range: ReportDays, measures: Measures) {
  const activated = total(measures.get('funnel_activated'));
  return {
    invited: total(measures.get('invited')),
    activated,
    activatedWithinDays: Object.fromEntries(
      funnelDays.map((days) => [days, total(measures.get(`activated_within_${days}`))]),
    ) as ReportSummary['funnel']['activatedWithinDays'],
    medianHoursToActivate: await medianHoursToActivate(db, ids, range, activated),
  };
}

function deliveryFailures(measures: Measures): ReportSummary['deliveryFailures'] {
  const known = new Set<string>(deliveryFailureReasons);
  const counts = new Map<DeliveryFailureReason, number>();
  for (const [measure, days] of measures) {
    if (!measure.startsWith('failure_')) continue;
    const named = measure.slice('failure_'.length);
    const reason = (known.has(named) ? named : 'other') as DeliveryFailureReason;
    counts.set(reason, (counts.get(reason) ?? 0) + total(days));
  }
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

async function importsPerDay(db: Db, ids: readonly string[], range: ReportDays) {
  const found = await sql<{ day: string; created: unknown; duplicate: unknown; invalid: unknown }>`
    with ${daysTable(range)}
    select days.day as day, sum(j.created_count) as created,
      sum(j.duplicate_count) as duplicate, sum(j.invalid_count) as invalid
    from days join import_jobs j on j.created_at >= days.start_at and j.created_at < days.end_at
    where j.organization_id in (${idList(ids)})
    group by days.day order by days.day`.execute(db);
  return found.rows.map((row) => ({
    date: row.day,
    created: toCount(row.created),
    duplicate: toCount(row.duplicate),
    invalid: toCount(row.invalid),
  }));
}

/** Each organization's pool by state, and its capacity (Available − accounts waiting for a number). */
async function numberPools(db: Db, ids: readonly string[]) {
  const organizations = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'path'])
    .where('id', 'in', ids)
    .orderBy('path')
    .execute();
  const pools = await poolMeasures(db, ids);
  return organizations.map((organization) => {
    const measures = pools.get(organization.id);
    const pool = Object.fromEntries(
      numberStates.map((state) => [state, measures?.get(`number_${state}`) ?? 0]),
    ) as Record<(typeof numberStates)[number], number>;
    const waiting = measures?.get('waiting_for_number') ?? 0;
    return {
      organizationId: organization.id,
      organizationName: organization.name,
      ...pool,
      capacity: Math.max(0, pool.available - waiting),
    };
  });
}

/** The whole summary for these organizations (already checked against the caller's scope). */
export async function reportSummary(
  db: Db,
  organizationIds: readonly string[],
  range: ReportDays,
): Promise<ReportSummary> {
  const ids = organizationIds;
  const measures = onWholeHours(range)
    ? await dailyMeasures(db, ids, range)
    : await dailyMeasuresFromRows(db, ids, range);
  const on = (measure: string, date: string) => measures.get(measure)?.get(date) ?? 0;
  return {
    accountsByStatus: await accountsByStatus(db, ids),
    funnel: await funnel(db, ids, range, measures),
    daily: range.days.map(({ date }) => ({
      date,
      created: on('created', date),
      invited: on('invited', date),
      activated: on('activated', date),
      sent: on('message_sent', date),
      failed: on('message_failed', date),
      kept: on('message_kept', date),
    })),
    numbers: await numberPools(db, ids),
    deliveryFailures: deliveryFailures(measures),
    imports: await importsPerDay(db, ids, range),
  };
}
