// The shared formatting utilities: dates in the chosen zone with its name, phone numbers internationally.
import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  zoneAbbreviation,
  zoneLabel,
} from '../../renderer/src/composables/use-time-zone';
import { formatContact, formatPhone } from '../../renderer/src/utils/format-phone';

describe('time zone', () => {
  it('names US Central with its daylight abbreviation in summer and standard in winter', () => {
    expect(zoneLabel('America/Chicago', new Date('2026-07-01T12:00:00Z'))).toBe(
      'US - Central (CDT)',
    );
    expect(zoneLabel('America/Chicago', new Date('2026-12-01T12:00:00Z'))).toBe(
      'US - Central (CST)',
    );
    expect(zoneAbbreviation('UTC', new Date('2026-12-01T12:00:00Z'))).toBe('UTC');
  });

  it('formats an instant in the chosen zone, not the machine zone', () => {
    const iso = '2026-11-27T03:30:00Z';
    expect(formatInZone(iso, 'America/Chicago', 'date')).toContain('26');
    expect(formatInZone(iso, 'Asia/Tokyo', 'date')).toContain('27');
    expect(formatInZone(null, 'UTC')).toBe('—');
    expect(formatInZone('not a date', 'UTC')).toBe('—');
  });
});

describe('phone numbers', () => {
  it('shows E.164 numbers in international format', () => {
    expect(formatPhone('+12025550143')).toBe('+1 202 555 0143');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhone(null)).toBe('');
  });

  it('leaves emails as they are', () => {
    expect(formatContact('ana@example.com', 'email')).toBe('ana@example.com');
    expect(formatContact('+12025550143', 'sms')).toBe('+1 202 555 0143');
  });
});
