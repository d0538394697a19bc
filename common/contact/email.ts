// Email half of a contact: trimmed, lower-cased and checked for a plausible address shape.
// The check is deliberately pragmatic (one @, a dotted domain, no spaces), not RFC 5322. It is one
// regular expression plus two lengths: the CSV engine runs it a million times, on cells that are
// slices of a file's text, where V8's regular expressions read far faster than a character loop.

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

const MAX_EMAIL = 254;
const MAX_LOCAL = 64;

/** A run of the characters allowed before @: a-z 0-9 ! # $ % & ' * + / = ? ^ _ ` { | } ~ - */
const LOCAL_RUN = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
/** A domain label: a-z 0-9 and inner hyphens, 1–63 long. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** Runs joined by single dots, @, then two or more labels joined by dots. */
const EMAIL_SHAPE = new RegExp(`^${LOCAL_RUN}(?:\\.${LOCAL_RUN})*@${LABEL}(?:\\.${LABEL})+$`);

/** True when a lower-cased, trimmed address has the shape Linedesk accepts. */
export function isPlausibleEmail(email: string): boolean {
  if (email.length > MAX_EMAIL) return false;
  const at = email.indexOf('@');
  return at > 0 && at <= MAX_LOCAL && EMAIL_SHAPE.test(email);
}

/** Lower-cases and validates an email address. */
export function normaliseEmail(input: string): EmailCheck {
  const email = input.trim().toLowerCase();
  if (!isPlausibleEmail(email)) {
    return { ok: false, message: `"${input.trim()}" is not a valid email address.` };
  }
  return { ok: true, email };
}
