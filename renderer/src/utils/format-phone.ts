// Phone numbers shown in international format ("+1 202 555 0143"); E.164 stays the stored form.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** International format of an E.164 number; anything unparseable is shown as given. */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '';
  const parsed = parsePhoneNumberFromString(value.startsWith('+') ? value : `+${value}`);
  return parsed ? parsed.formatInternational() : value;
}

/** A contact as shown: emails as they are, device numbers formatted. */
export function formatContact(contact: string, contactType?: 'email' | 'sms'): string {
  if (contactType === 'email' || contact.includes('@')) return contact;
  return formatPhone(contact);
}
