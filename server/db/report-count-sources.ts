// What each row adds to `report_counts` (migration 009): the (organization, UTC hour, measure) cells
// an account, an outbox message or a pool number counts in. The triggers add a row's cells (+1) and
// take back its old ones (−1); a rebuild sums them over whole tables. Migration 009 builds its
// triggers from this file: change a measure only together with a new migration that rebuilds.

/** The `hour` of a timestamp column: its first 13 characters, `YYYY-MM-DDTHH` (ISO UTC text). */
const hourOf = (column: string) => `substr(${column}, 1, 13)`;

/** The funnel's "activated within N days of the first invitation", in days. */
export const withinDays = [1, 3, 7, 30] as const;

/** Milliseconds from the first invitation to activation, exact on either dialect. */
function msToActivate(postgres: boolean): string {
  return postgres
    ? `(extract(epoch from (r.activated_at::timestamptz - r.first_invited_at::timestamptz)) * 1000)`
    : `round((julianday(r.activated_at) - julianday(r.first_invited_at)) * 86400000.0)`;
}

/** A union of `select organization_id, hour, measure, delta` over `source` (aliased `r`). */
type Cells = (source: string, delta: string, postgres: boolean) => string;

/**
 * An account's cells: created, activated, first invited (the funnel's cohort) with whether and how
 * fast it activated, and — with no hour — waiting for a number (it counts against capacity).
 */
export const accountCells: Cells = (source, delta, postgres) => {
  const cell = (hour: string, measure: string, where = 'true') =>
    `select r.organization_id, ${hour} as hour, ${measure} as measure, ${delta} as delta from ${source} r where ${where}`;
  const firstHour = hourOf('r.first_invited_at');
  const converted = 'r.first_invited_at is not null and r.activated_at is not null';
  return [
    cell(hourOf('r.created_at'), `'created'`),
    cell(hourOf('r.activated_at'), `'activated'`, 'r.activated_at is not null'),
    cell(firstHour, `'invited'`, 'r.first_invited_at is not null'),
    cell(firstHour, `'funnel_activated'`, converted),
    ...withinDays.map((days) =>
      cell(
        firstHour,
        `'activated_within_${days}'`,
        `${converted} and ${msToActivate(postgres)} <= ${days * 86_400_000}`,
      ),
    ),
    // The capacity rule of server/domain/capacity.ts (countsAgainstCapacity), as SQL.
    cell(
      `''`,
      `'waiting_for_number'`,
      `r.number is null and (r.status in ('invited', 'invitation_failed')
        or (r.status = 'suspended' and r.invited_at is not null and r.activated_at is null))`,
    ),
  ].join('\n union all ');
};

/** An account invitation message's cells: its delivery state, and its failure reason once failed. */
export const messageCells: Cells = (source, delta) => {
  const hour = hourOf('r.created_at');
  return [
    `select r.organization_id, ${hour} as hour, 'message_' || r.status as measure, ${delta} as delta
      from ${source} r where r.account_id is not null`,
    `select r.organization_id, ${hour} as hour, 'failure_' || coalesce(r.failure_reason, 'other') as measure,
      ${delta} as delta from ${source} r where r.account_id is not null and r.status = 'failed'`,
  ].join('\n union all ');
};

/** A pool number's cell: its state, with no hour. */
export const numberCells: Cells = (source, delta) =>
  `select r.organization_id, '' as hour, 'number_' || r.state as measure, ${delta} as delta from ${source} r`;

/** The tables whose rows are counted, with their cells and the columns the cells read. */
export const countedTables = [
  {
    table: 'accounts',
    cells: accountCells,
    columns: [
      'organization_id',
      'created_at',
      'activated_at',
      'first_invited_at',
      'invited_at',
      'status',
      'number',
    ],
  },
  {
    table: 'outbox_messages',
    cells: messageCells,
    columns: ['organization_id', 'created_at', 'account_id', 'status', 'failure_reason'],
  },
  { table: 'numbers', cells: numberCells, columns: ['organization_id', 'state'] },
] as const;

/** Adds the grouped deltas of `cells` into report_counts (both dialects' upsert). */
export function applyCells(cells: string): string {
  return `insert into report_counts (organization_id, hour, measure, n)
    select organization_id, hour, measure, sum(delta) from (${cells}) d
    group by organization_id, hour, measure having sum(delta) <> 0
    order by organization_id, hour, measure
    on conflict (organization_id, hour, measure) do update set n = report_counts.n + excluded.n`;
}

/** Every counted table's cells summed from scratch (the migration's fill and a rebuild). */
export function rebuildStatements(postgres: boolean): string[] {
  return [
    'delete from report_counts',
    ...countedTables.map(({ table, cells }) => applyCells(cells(table, '1', postgres))),
  ];
}
