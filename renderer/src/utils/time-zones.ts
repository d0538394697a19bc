// Friendly names of the time zones admins pick from ("US - Central"), in the portal's wording.
export interface TimeZoneChoice {
  id: string;
  label: string;
}

export const timeZoneChoices: readonly TimeZoneChoice[] = [
  { id: 'Pacific/Honolulu', label: 'US - Hawaii' },
  { id: 'America/Anchorage', label: 'US - Alaska' },
  { id: 'America/Los_Angeles', label: 'US - Pacific' },
  { id: 'America/Phoenix', label: 'US - Arizona' },
  { id: 'America/Denver', label: 'US - Mountain' },
  { id: 'America/Chicago', label: 'US - Central' },
  { id: 'America/New_York', label: 'US - Eastern' },
  { id: 'America/Halifax', label: 'Canada - Atlantic' },
  { id: 'America/St_Johns', label: 'Canada - Newfoundland' },
  { id: 'America/Sao_Paulo', label: 'Brazil - Brasília' },
  { id: 'UTC', label: 'Coordinated Universal Time' },
  { id: 'Europe/London', label: 'UK - London' },
  { id: 'Europe/Dublin', label: 'Ireland - Dublin' },
  { id: 'Europe/Paris', label: 'Europe - Central' },
  { id: 'Europe/Athens', label: 'Europe - Eastern' },
  { id: 'Asia/Dubai', label: 'UAE - Dubai' },
  { id: 'Asia/Kolkata', label: 'India' },
  { id: 'Asia/Singapore', label: 'Singapore' },
  { id: 'Asia/Tokyo', label: 'Japan' },
  { id: 'Australia/Sydney', label: 'Australia - Eastern' },
  { id: 'Pacific/Auckland', label: 'New Zealand' },
];

/** The friendly name of a zone, or the IANA id with underscores as spaces for zones not listed. */
export function timeZoneName(id: string): string {
  return timeZoneChoices.find((zone) => zone.id === id)?.label ?? id.replace(/_/g, ' ');
}
