// Dates and times shown in the time zone the admin picked (preferences), and its name for the top bar.
import { computed } from 'vue';
import { usePreferencesStore } from '../stores/preferences';
import { timeZoneName } from '../utils/time-zones';

/** Short zone abbreviation at a moment ("CDT", "GMT+1"), as the locale names it. */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(
    at,
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "US - Central (CDT)". */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  return `${timeZoneName(timeZone)} (${zoneAbbreviation(timeZone, at)})`;
}

/**
 * One formatter per style and zone: creating an Intl.DateTimeFormat costs far more than formatting
 * (a grid page formats a hundred dates), so they are kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${JSON.stringify(options)} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats an ISO instant in a zone: "Nov 27, 2026, 2:05 PM"; empty input gives an em dash. */
export function formatInZone(
  iso: string | null | undefined,
  timeZone: string,
  style: 'date-time' | 'date' | 'time' | 'compact' = 'date-time',
): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const options: Intl.DateTimeFormatOptions =
    style === 'date'
      ? { dateStyle: 'medium' }
      : style === 'time'
        ? { timeStyle: 'short' }
        : style === 'compact'
          ? { dateStyle: 'short', timeStyle: 'short' }
          : { dateStyle: 'medium', timeStyle: 'short' };
  return formatterFor(options, timeZone).format(date);
}

/** Reactive helpers bound to the chosen zone. */
export function useTimeZone() {
  const preferences = usePreferencesStore();
  const timeZone = computed(() => preferences.timeZone);
  const label = computed(() => zoneLabel(preferences.timeZone));
  return {
    timeZone,
    /** "All the information displayed in US - Central (CDT)" */
    displayedIn: computed(() => `All the information displayed in ${label.value}`),
    label,
    formatDateTime: (iso: string | null | undefined) => formatInZone(iso, preferences.timeZone),
    formatDate: (iso: string | null | undefined) => formatInZone(iso, preferences.timeZone, 'date'),
    formatTime: (iso: string | null | undefined) => formatInZone(iso, preferences.timeZone, 'time'),
    /** Short form for dense tables: "11/27/26, 2:05 PM". */
    formatCompact: (iso: string | null | undefined) =>
      formatInZone(iso, preferences.timeZone, 'compact'),
  };
}
