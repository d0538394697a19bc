// The days of a report: `from`..`to` (inclusive) as local calendar days of a time zone, each with
// the UTC instants it starts and ends at, so counting by day is exact across DST and odd offsets.
import { maxReportDays } from '../../../common/api/reports';
import { addDays, daysBetween, localDate, startOfDay } from '../../../common/time/local-day';
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

/** `from`..`to` in `zone` (default the 30 days ending today); VALIDATION_FAILED when reversed or too long. */
export function reportDays(
  range: { from?: string | undefined; to?: string | undefined; timeZone?: string | undefined },
  now: Date,
): Outcome<ReportDays> {
  const zone = range.timeZone ?? 'UTC';
  const to = range.to ?? (range.from ? addDays(range.from, 29) : localDate(now, zone));
  const from = range.from ?? addDays(to, -29);
  const count = daysBetween(from, to);
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
