// The Reports summary: accounts by status now, the activation funnel of the accounts first invited
// in the range, per-day counts, number pools per organization, delivery failures and imports.
// Every count is one grouped query; days come from report-days.ts (exact local-day bounds).
import { sql, type RawBuilder } from 'kysely';
import { accountStatuses } from '../../../common/api/accounts';
import {
  deliveryFailureReasons,
  type DeliveryFailureReason,
  type ReportSummary,
} from '../../../common/api/reports';
import { toCount } from '../../db/values';
import { computeCapacities } from '../capacity';
import { isPostgres, type Db } from '../organization-context';
import type { ReportDays } from './report-days';

type Daily = ReportSummary['daily'][number];

/** `with days(day, start_at, end_at) as (values …)`: the range's days as a table. */
function daysTable(range: ReportDays): RawBuilder<unknown> {
  return sql`days(day, start_at, end_at) as (values ${sql.join(
    range.days.map((day) => sql`(${day.date}, ${day.start}, ${day.end})`),
  )})`;
}

const idList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`));

/**
 * The accounts of these organizations whose FIRST invitation lies in the range, with when it was
 * sent and when the account activated (a resend does not move an account to a later cohort).
 */
function firstInvitations(ids: readonly string[], range: ReportDays): RawBuilder<unknown> {
  return sql`firsts(account_id, first_at, activated_at) as (
    select i.account_id, i.created_at, a.activated_at
    from invitations i join accounts a on a.id = i.account_id
    where a.organization_id in (${idList(ids)})
      and i.created_at >= ${range.start} and i.created_at < ${range.end}
      and not exists (
        select 1 from invitations e
        where e.account_id = i.account_id
          and (e.created_at < i.created_at or (e.created_at = i.created_at and e.id < i.id))))`;
}

/** Hours from the first invitation to activation, to the millisecond, on either dialect. */
function hoursToActivate(db: Db): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`(extract(epoch from (activated_at::timestamptz - first_at::timestamptz)) / 3600.0)`
    : sql<number>`(round((julianday(activated_at) - julianday(first_at)) * 86400000.0) / 3600000.0)`;
}

async function rows<T>(db: Db, query: RawBuilder<unknown>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

/** Accounts whose `column` falls in each day, for these organizations: day → count. */
async function countPerDay(
  db: Db,
  range: ReportDays,
  ids: readonly string[],
  column: 'created_at' | 'activated_at',
): Promise<Map<string, number>> {
  const at = sql.ref(`a.${column}`);
  const found = await rows<{ day: string; n: unknown }>(
    db,
    sql`with ${daysTable(range)}
      select days.day as day, count(*) as n from days
      join accounts a on ${at} >= days.start_at and ${at} < days.end_at
      where a.organization_id in (${idList(ids)})
      group by days.day`,
  );
  return new Map(found.map((row) => [row.day, toCount(row.n)]));
}

async function accountsByStatus(db: Db, ids: readonly string[]) {
  const found = await db
    .selectFrom('accounts')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('organization_id', 'in', ids)
    .groupBy('status')
    .execute();
  const byStatus = Object.fromEntries(accountStatuses.map((status) => [status, 0])) as Record<
    (typeof accountStatuses)[number],
    number
  >;
  for (const row of found) byStatus[row.status] = toCount(row.n);
  return byStatus;
}

async function funnel(db: Db, ids: readonly string[], range: ReportDays) {
  const hours = hoursToActivate(db);
  const within = (days: number) =>
    sql`sum(case when activated_at is not null and ${hours} <= ${days * 24} then 1 else 0 end)`;
  const [totals] = await rows<Record<string, unknown>>(
    db,
    sql`with ${firstInvitations(ids, range)}
      select count(*) as invited, count(activated_at) as activated,
        ${within(1)} as d1, ${within(3)} as d3, ${within(7)} as d7, ${within(30)} as d30
      from firsts`,
  );
  const activated = toCount(totals?.activated);
  let medianHoursToActivate: number | null = null;
  if (activated > 0) {
    // The middle one (odd) or the mean of the middle two (even), without a percentile function.
    const middle = await rows<{ hours: unknown }>(
      db,
      sql`with ${firstInvitations(ids, range)}
        select ${hours} as hours from firsts where activated_at is not null
        order by hours limit ${activated % 2 === 0 ? 2 : 1} offset ${Math.floor((activated - 1) / 2)}`,
    );
    const values = middle.map((row) => Number(row.hours));
    medianHoursToActivate =
      Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
  }
  return {
    invited: toCount(totals?.invited),
    activated,
    activatedWithinDays: {
      '1': toCount(totals?.d1),
      '3': toCount(totals?.d3),
      '7': toCount(totals?.d7),
      '30': toCount(totals?.d30),
    },
    medianHoursToActivate,
  };
}

async function invitedPerDay(db: Db, ids: readonly string[], range: ReportDays) {
  const found = await rows<{ day: string; n: unknown }>(
    db,
    sql`with ${daysTable(range)}, ${firstInvitations(ids, range)}
      select days.day as day, count(*) as n from days
      join firsts on firsts.first_at >= days.start_at and firsts.first_at < days.end_at
      group by days.day`,
  );
  return new Map(found.map((row) => [row.day, toCount(row.n)]));
}

/** Account invitation messages per day (by when they were queued) and delivery state. */
async function messagesPerDay(db: Db, ids: readonly string[], range: ReportDays) {
  const found = await rows<{ day: string; status: string; n: unknown }>(
    db,
    sql`with ${daysTable(range)}
      select days.day as day, m.status as status, count(*) as n from days
      join outbox_messages m on m.created_at >= days.start_at and m.created_at < days.end_at
      where m.organization_id in (${idList(ids)}) and m.account_id is not null
      group by days.day, m.status`,
  );
  const perDay = new Map<string, Record<string, number>>();
  for (const row of found) {
    const day = perDay.get(row.day) ?? {};
    day[row.status] = toCount(row.n);
    perDay.set(row.day, day);
  }
  return perDay;
}

async function deliveryFailures(db: Db, ids: readonly string[], range: ReportDays) {
  const found = await db
    .selectFrom('outbox_messages')
    .select([sql<string>`coalesce(failure_reason, 'other')`.as('reason'), sql`count(*)`.as('n')])
    .where('organization_id', 'in', ids)
    .where('status', '=', 'failed')
    .where('account_id', 'is not', null)
    .where('created_at', '>=', range.start)
    .where('created_at', '<', range.end)
    .groupBy(sql`coalesce(failure_reason, 'other')`)
    .execute();
  const known = new Set<string>(deliveryFailureReasons);
  const counts = new Map<DeliveryFailureReason, number>();
  for (const row of found) {
    const reason = (known.has(row.reason) ? row.reason : 'other') as DeliveryFailureReason;
    counts.set(reason, (counts.get(reason) ?? 0) + toCount(row.n));
  }
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

async function importsPerDay(db: Db, ids: readonly string[], range: ReportDays) {
  const found = await rows<{ day: string; created: unknown; duplicate: unknown; invalid: unknown }>(
    db,
    sql`with ${daysTable(range)}
      select days.day as day, sum(j.created_count) as created,
        sum(j.duplicate_count) as duplicate, sum(j.invalid_count) as invalid
      from days join import_jobs j on j.created_at >= days.start_at and j.created_at < days.end_at
      where j.organization_id in (${idList(ids)})
      group by days.day order by days.day`,
  );
  return found.map((row) => ({
    date: row.day,
    created: toCount(row.created),
    duplicate: toCount(row.duplicate),
    invalid: toCount(row.invalid),
  }));
}

async function numberPools(db: Db, ids: readonly string[]) {
  const organizations = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'path'])
    .where('id', 'in', ids)
    .orderBy('path')
    .execute();
  const states = await db
    .selectFrom('numbers')
    .select(['organization_id', 'state', sql`count(*)`.as('n')])
    .where('organization_id', 'in', ids)
    .groupBy(['organization_id', 'state'])
    .execute();
  const capacities = await computeCapacities(db, ids);
  return organizations.map((organization) => {
    const pool = { available: 0, reserved: 0, assigned: 0, registered: 0 };
    for (const row of states) {
      if (row.organization_id === organization.id) pool[row.state] = toCount(row.n);
    }
    return {
      organizationId: organization.id,
      organizationName: organization.name,
      ...pool,
      capacity: Math.max(0, capacities.get(organization.id) ?? 0),
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
  const [byStatus, funnelCounts, created, invited, activated, messages] = [
    await accountsByStatus(db, ids),
    await funnel(db, ids, range),
    await countPerDay(db, range, ids, 'created_at'),
    await invitedPerDay(db, ids, range),
    await countPerDay(db, range, ids, 'activated_at'),
    await messagesPerDay(db, ids, range),
  ];
  const daily: Daily[] = range.days.map(({ date }) => {
    const sentToday = messages.get(date) ?? {};
    return {
      date,
      created: created.get(date) ?? 0,
      invited: invited.get(date) ?? 0,
      activated: activated.get(date) ?? 0,
      sent: sentToday.sent ?? 0,
      failed: sentToday.failed ?? 0,
      kept: sentToday.kept ?? 0,
    };
  });
  return {
    accountsByStatus: byStatus,
    funnel: funnelCounts,
    daily,
    numbers: await numberPools(db, ids),
    deliveryFailures: await deliveryFailures(db, ids, range),
    imports: await importsPerDay(db, ids, range),
  };
}
