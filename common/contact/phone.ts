// Phone half of a contact and pool numbers: everything ends as E.164, checked with
// libphonenumber's full validity rules (the "max" metadata), and a country code is required.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck = { ok: true; number: string } | { ok: false; message: string };

const FORMATTING = /[\s().\-/\u00a0]/g;
const E164_SHAPE = /^\+[1-9]\d{1,14}$/;

/**
 * libphonenumber's verdict on an E.164-shaped text (its E.164 form, or null when invalid),
 * remembered per text: it costs several microseconds a number and HR files repeat numbers.
 * Bounded, so a long-running service does not grow it without end.
 */
const verdicts = new Map<string, string | null>();
const MAX_VERDICTS = 100_000;

function validNumberOf(compact: string): string | null {
  let verdict = verdicts.get(compact);
  if (verdict === undefined) {
    const parsed = parsePhoneNumberFromString(compact);
    verdict = parsed?.isValid() ? parsed.number : null;
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(compact, verdict);
  }
  return verdict;
}

/** A number as typed without its formatting: spaces (trimmed or not), brackets, dots, hyphens, slashes. */
const compactOf = (typed: string): string => typed.replace(FORMATTING, '');

/** What a compact text must be for it to be meant as a phone number: digits, perhaps after a +. */
const PHONE_LIKE = /^\+?\d{4,}$/;

/** True when the text could only be meant as a phone number (digits and the usual punctuation). */
export function looksLikePhoneNumber(input: string): boolean {
  return PHONE_LIKE.test(compactOf(input));
}

/**
 * A compact number written internationally (`+…`; the prefix `00` read as +), or why it cannot
 * be: a leading 0 is a national number without its country code; anything else not E.164-shaped.
 */
function internationalForm(
  compact: string,
): { international: string } | { refused: 'NO_COUNTRY_CODE' | 'NOT_E164' } {
  let international = compact;
  if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
  else if (!compact.startsWith('+')) {
    if (compact.startsWith('0')) return { refused: 'NO_COUNTRY_CODE' };
    international = `+${compact}`;
  }
  return E164_SHAPE.test(international) ? { international } : { refused: 'NOT_E164' };
}

/**
 * Normalises a device number to E.164. Accepts `12025550143`, `+1 202 555 0143`,
 * `+1 (202) 555-0143` and the international prefix `00` (`0044 20 7946 0958`);
 * a number without a country code (e.g. `2025550143`, `07911 123456`) is refused.
 */
export function normaliseDeviceNumber(input: string): PhoneCheck {
  const shown = input.trim();
  const compact = compactOf(shown);
  const form = internationalForm(compact);
  if ('refused' in form) {
    return {
      ok: false,
      message:
        form.refused === 'NO_COUNTRY_CODE'
          ? countryCodeNeeded(shown)
          : `"${shown}" is not a valid device number.`,
    };
  }
  const number = validNumberOf(form.international);
  if (number !== null) return { ok: true, number };
  // Digits without a prefix that are not a valid international number are almost always a
  // national number typed without its country code, so say what is missing.
  const hadPrefix = compact.startsWith('+') || compact.startsWith('00');
  return {
    ok: false,
    message: hadPrefix ? `"${shown}" is not a valid phone number.` : countryCodeNeeded(shown),
  };
}

/**
 * A contact's device number in E.164 when the text is meant as one and is valid, else null: the
 * verdict `normaliseContact` gives a text without @, without its messages (the CSV engine asks a
 * million times).
 */
export function deviceNumberOf(contact: string): string | null {
  const compact = compactOf(contact);
  if (!PHONE_LIKE.test(compact)) return null;
  const form = internationalForm(compact);
  return 'international' in form ? validNumberOf(form.international) : null;
}

/** Checks a pool number: it must already be written in E.164 (`+12025550143`) and be a valid number. */
export function validateE164Number(input: string): PhoneCheck {
  if (!E164_SHAPE.test(input)) {
    return { ok: false, message: `"${input}" is not an E.164 number (for example +12025550143).` };
  }
  const number = validNumberOf(input);
  if (number === null || number !== input) {
    return { ok: false, message: `"${input}" is not a valid phone number.` };
  }
  return { ok: true, number };
}

/** True when text is a valid E.164 number as written. */
export function isE164Number(input: string): boolean {
  return validateE164Number(input).ok;
}

function countryCodeNeeded(shown: string): string {
  return `The device number "${shown}" needs a country code, for example 12025550143 for the U.S.`;
}
