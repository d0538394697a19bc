// Contact normalisation: emails lower-cased and checked, device numbers to E.164 with a country code.
import { describe, expect, it } from 'vitest';
import {
  normaliseContact,
  normaliseEmail,
  normaliseDeviceNumber,
  validateE164Number,
} from '../../common/contact';

describe('normaliseDeviceNumber', () => {
  it.each([
    ['12025550143', '+12025550143'],
    ['+1 202 555 0143', '+12025550143'],
    ['+1 (202) 555-0143', '+12025550143'],
    ['1-202-555-0143', '+12025550143'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+44 7911 123456', '+447911123456'],
    [' 447911123456 ', '+447911123456'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normaliseDeviceNumber(input)).toEqual({ ok: true, number: expected });
  });

  it.each(['2025550143', '07911 123456', '(202) 555-0143'])(
    'refuses the national number %s and says a country code is needed',
    (input) => {
      const result = normaliseDeviceNumber(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/needs a country code/);
    },
  );

  it('refuses numbers that are not valid by full rules', () => {
    const result = normaliseDeviceNumber('+1 555 555 0143');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not a valid phone number/);
  });

  it('refuses too long digit strings', () => {
    expect(normaliseDeviceNumber('+1234567890123456789').ok).toBe(false);
  });
});

describe('normaliseEmail', () => {
  it('lower-cases and trims', () => {
    expect(normaliseEmail('  Jane.Doe@Example.COM ')).toEqual({
      ok: true,
      email: 'jane.doe@example.com',
    });
  });

  it.each([
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'ja ne@example.com',
    'a@b@c.com',
    'jane..doe@example.com',
  ])('refuses %s', (input) => {
    const result = normaliseEmail(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('not a valid email address');
  });
});

describe('normaliseContact', () => {
  it('tells email from device number', () => {
    expect(normaliseContact('Jane@Example.com')).toEqual({
      ok: true,
      contact: 'jane@example.com',
      contactType: 'email',
    });
    expect(normaliseContact('+1 (202) 555-0143')).toEqual({
      ok: true,
      contact: '+12025550143',
      contactType: 'sms',
    });
  });

  it('refuses empty text and text that is neither', () => {
    expect(normaliseContact('   ').ok).toBe(false);
    const result = normaliseContact('call me maybe');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/neither an email address nor a device number/);
  });

  it('passes on the country-code sentence for national numbers', () => {
    const result = normaliseContact('2025550143');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/needs a country code/);
  });
});

describe('validateE164Number (pool numbers)', () => {
  it('accepts valid E.164', () => {
    expect(validateE164Number('+12025550143')).toEqual({ ok: true, number: '+12025550143' });
    expect(validateE164Number('+442079460958').ok).toBe(true);
  });

  it.each(['12025550143', '+1 202 555 0143', '+15555550143', '+0123', ''])(
    'refuses %s',
    (input) => {
      expect(validateE164Number(input).ok).toBe(false);
    },
  );
});
