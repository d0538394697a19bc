// One-time invitation passwords: random Crockford base32 (no look-alike characters), stored
// only as HMAC-SHA-256 keyed with the service secret and checked in constant time.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters × 5 bits = 60 bits of randomness. */
export const INVITATION_PASSWORD_LENGTH = 12;

/** A fresh random invitation password. */
export function generateInvitationPassword(length = INVITATION_PASSWORD_LENGTH): string {
  if (length < INVITATION_PASSWORD_LENGTH) {
    throw new RangeError(
      `Invitation passwords need at least ${INVITATION_PASSWORD_LENGTH} characters.`,
    );
  }
  // 256 is a multiple of 32, so taking the low 5 bits of each byte is unbiased.
  const bytes = randomBytes(length);
  let password = '';
  for (const byte of bytes) password += CROCKFORD_ALPHABET[byte & 31];
  return password;
}

/**
 * What a user typed, read the Crockford way: case-insensitive, O→0, I/L→1, and hyphens or spaces
 * ignored, so a password read aloud or copied from an SMS still matches.
 */
export function canonicalInvitationPassword(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The keyed hash stored instead of the password (hex). */
export function hashInvitationPassword(password: string, secret: string | Buffer): string {
  return createHmac('sha256', secret).update(canonicalInvitationPassword(password)).digest('hex');
}

/** Constant-time comparison of a typed password against a stored hash. */
export function verifyInvitationPassword(
  typed: string,
  storedHash: string,
  secret: string | Buffer,
): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashInvitationPassword(typed, secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
