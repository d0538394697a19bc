// Email half of a contact: trimmed, lower-cased and checked for a plausible address shape.
// The check is deliberately pragmatic (one @, a dotted domain, no spaces), not RFC 5322. It is a
// character scan rather than a regular expression because the CSV engine runs it a million times.

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

const MAX_EMAIL = 254;
const MAX_LOCAL = 64;
const MAX_LABEL = 63;

/** Characters of the part before @: a-z 0-9 and . ! # $ % & ' * + / = ? ^ _ ` { | } ~ - */
const LOCAL_CHARACTER = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-") {
  LOCAL_CHARACTER[c.charCodeAt(0)] = 1;
}
const DOT = 0x2e;
const HYPHEN = 0x2d;
const isLetterOrDigit = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/** The domain after @: two or more labels of a-z 0-9 and inner hyphens, each 1–63 long. */
function isPlausibleDomain(email: string, from: number): boolean {
  let labels = 0;
  let start = from;
  for (let at = from; at <= email.length; at += 1) {
    const code = at === email.length ? DOT : email.charCodeAt(at);
    if (code === DOT) {
      const length = at - start;
      if (length === 0 || length > MAX_LABEL) return false;
      if (email.charCodeAt(start) === HYPHEN || email.charCodeAt(at - 1) === HYPHEN) return false;
      labels += 1;
      start = at + 1;
    } else if (code !== HYPHEN && !isLetterOrDigit(code)) return false;
  }
  return labels >= 2;
}

/** The domain last found plausible: the addresses of one file mostly share one or two. */
let lastDomain = '';

/** True when a lower-cased, trimmed address has the shape Linedesk accepts. */
export function isPlausibleEmail(email: string): boolean {
  if (email.length > MAX_EMAIL) return false;
  const at = email.indexOf('@');
  if (at <= 0 || at > MAX_LOCAL) return false;
  if (email.charCodeAt(0) === DOT || email.charCodeAt(at - 1) === DOT) return false;
  for (let index = 0; index < at; index += 1) {
    const code = email.charCodeAt(index);
    if (code >= 128 || LOCAL_CHARACTER[code] === 0) return false;
    if (code === DOT && email.charCodeAt(index + 1) === DOT) return false;
  }
  // The domain's characters refuse a second @. The one found last is compared, not scanned again.
  const from = at + 1;
  const length = email.length - from;
  if (length === lastDomain.length && length > 0 && email.startsWith(lastDomain, from)) return true;
  if (!isPlausibleDomain(email, from)) return false;
  lastDomain = email.slice(from);
  return true;
}

/** Lower-cases and validates an email address. */
export function normaliseEmail(input: string): EmailCheck {
  const email = input.trim().toLowerCase();
  if (!isPlausibleEmail(email)) {
    return { ok: false, message: `"${input.trim()}" is not a valid email address.` };
  }
  return { ok: true, email };
}
