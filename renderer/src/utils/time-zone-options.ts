// Every IANA time zone as a pickable option with a friendly name ("US - Central (CDT)"): the common
// ones (GRID's list) first, then the rest by region.
import { timeZoneChoices } from './time-zones';
import { zoneAbbreviation } from '../composables/use-time-zone';

export interface TimeZoneOption {
  id: string;
  /** "US - Central (CDT)" */
  title: string;
  /** "America/Chicago · UTC−05:00": searchable too. */
  subtitle: string;
  common: boolean;
}

/** "Europe/Berlin" → "Europe - Berlin"; "America/Argentina/Buenos_Aires" → "America - Buenos Aires". */
export function friendlyZoneName(id: string): string {
  const listed = timeZoneChoices.find((zone) => zone.id === id);
  if (listed) return listed.label;
  const parts = id.split('/');
  if (parts.length === 1) return id.replace(/_/g, ' ');
  return `${parts[0]} - ${(parts[parts.length - 1] ?? '').replace(/_/g, ' ')}`;
}

/** "UTC−05:00" for a zone at a moment. */
export function utcOffset(id: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      timeZoneName: 'longOffset',
    }).formatToParts(at);
    const value = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    return value === 'GMT' ? 'UTC±00:00' : value.replace('GMT', 'UTC').replace('-', '−');
  } catch {
    return '';
  }
}

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The options, computed for the current moment (abbreviations follow daylight saving). */
export function timeZoneOptions(at: Date = new Date()): TimeZoneOption[] {
  const make = (id: string, common: boolean): TimeZoneOption => ({
    id,
    title: `${friendlyZoneName(id)} (${zoneAbbreviation(id, at)})`,
    subtitle: `${id} · ${utcOffset(id, at)}`,
    common,
  });
  const commonIds = new Set(timeZoneChoices.map((zone) => zone.id));
  const others = supportedZones()
    .filter((id) => !commonIds.has(id))
    .sort((a, b) => a.localeCompare(b))
    .map((id) => make(id, false));
  return [...timeZoneChoices.map((zone) => make(zone.id, true)), ...others];
}
