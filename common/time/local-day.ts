// Calendar days of an IANA time zone as UTC instants, with Intl only (browser and Node alike):
// the Reports count per local day, and a chart opens the accounts of one local day.

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

/** The UTC instant (ms) at which the local day `date` (`YYYY-MM-DD`) starts in `zone`. */
export function startOfDay(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const first = wall - offsetMs(zone, wall);
  // Once more at the guess: right when a DST change lies between the wall time and the guess.
  return wall - offsetMs(zone, first);
}

/** The date (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return new Date(instant.getTime() + offsetMs(zone, instant.getTime())).toISOString().slice(0, 10);
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / dayMs) + 1;
}

/** The local days `from`..`to` as [start, end) UTC ISO instants. */
export function dayRange(from: string, to: string, zone: string): { from: string; to: string } {
  return {
    from: new Date(startOfDay(from, zone)).toISOString(),
    to: new Date(startOfDay(addDays(to, 1), zone)).toISOString(),
  };
}
