// The days of a report: `from`..`to` (inclusive) as local calendar days of a time zone, each with
// the UTC instants it starts and ends at, so counting by day is exact across DST and odd offsets.
import { maxReportDays } from '../../../common/api/reports';
import { failure, success, type Outcome } from '../outcome';

export interface ReportDay {
  /** `YYYY-MM-DD` in the time zone. */
  date: string;
  /** ISO UTC instant of the day's first moment (inclusive). */
  start: string;
  /** ISO UTC instant of the next day's first moment (exclusive). */
  end: string;
}

export interface ReportDays {
  days: ReportDay[];
  /** Start of the first day (inclusive) and end of the last (exclusive), ISO UTC. */
  start: string;
  end: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The zone's offset from UTC (ms) at an instant. */
function offsetMs(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which the local day `date` starts in `zone`. */
export function startOfDay(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const first = wall - offsetMs(zone, wall);
  // Once more at the guess: right when a DST change lies between the wall time and the guess.
  return wall - offsetMs(zone, first);
}

/** Today's date in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return new Date(instant.getTime() + offsetMs(zone, instant.getTime())).toISOString().slice(0, 10);
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** `from`..`to` in `zone` (default the 30 days ending today); VALIDATION_FAILED when reversed or too long. */
export function reportDays(
  range: { from?: string | undefined; to?: string | undefined; timeZone?: string | undefined },
  now: Date,
): Outcome<ReportDays> {
  const zone = range.timeZone ?? 'UTC';
  const to = range.to ?? (range.from ? addDays(range.from, 29) : localDate(now, zone));
  const from = range.from ?? addDays(to, -29);
  const count = Math.round((Date.parse(to) - Date.parse(from)) / dayMs) + 1;
  if (count < 1 || count > maxReportDays) {
    return failure(
      'VALIDATION_FAILED',
      `Choose a range of 1 to ${maxReportDays} days with "from" on or before "to".`,
      { fields: { from: 'The range is empty or too long.' } },
    );
  }
  const days: ReportDay[] = [];
  let start = startOfDay(from, zone);
  for (let index = 0; index < count; index += 1) {
    const date = addDays(from, index);
    const end = startOfDay(addDays(date, 1), zone);
    days.push({ date, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
    start = end;
  }
  return success({ days, start: days[0]!.start, end: days[days.length - 1]!.end });
}
