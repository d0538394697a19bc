// A contact ("Email or Device #") is either an email address or a mobile number with its country
// code; this decides which, and returns the normalised form used for uniqueness and delivery.
import { normaliseEmail } from './email';
import { looksLikePhoneNumber, normaliseDeviceNumber } from './phone';

export const contactTypes = ['email', 'sms'] as const;
export type ContactType = (typeof contactTypes)[number];

export type ContactCheck =
  { ok: true; contact: string; contactType: ContactType } | { ok: false; message: string };

/** Normalises an "Email or Device #" value: emails lower-cased, device numbers to E.164. */
export function normaliseContact(input: string): ContactCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'Enter an email address or a device number.' };
  if (trimmed.includes('@')) {
    const email = normaliseEmail(trimmed);
    return email.ok ? { ok: true, contact: email.email, contactType: 'email' } : email;
  }
  if (looksLikePhoneNumber(trimmed)) {
    const phone = normaliseDeviceNumber(trimmed);
    return phone.ok ? { ok: true, contact: phone.number, contactType: 'sms' } : phone;
  }
  return {
    ok: false,
    message: `"${trimmed}" is neither an email address nor a device number with a country code.`,
  };
}
