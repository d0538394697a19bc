// Email half of a contact: trimmed, lower-cased and checked for a plausible address shape.
// The check is deliberately pragmatic (one @, a dotted domain, no spaces), not RFC 5322.

const EMAIL_PATTERN =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export type EmailCheck = { ok: true; email: string } | { ok: false; message: string };

/** Lower-cases and validates an email address. */
export function normaliseEmail(input: string): EmailCheck {
  const email = input.trim().toLowerCase();
  const [local = '', ...domainParts] = email.split('@');
  const valid =
    email.length <= 254 &&
    local.length <= 64 &&
    domainParts.length === 1 &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    EMAIL_PATTERN.test(email);
  if (!valid) return { ok: false, message: `"${input.trim()}" is not a valid email address.` };
  return { ok: true, email };
}
