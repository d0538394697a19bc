// Invitation passwords: Crockford base32, ≥ 60 bits, keyed hash, constant-time verification.
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  generateInvitationPassword,
  hashInvitationPassword,
  verifyInvitationPassword,
} from '../../server/domain/invitations/password';

describe('generateInvitationPassword', () => {
  it('gives 12 Crockford base32 characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateInvitationPassword();
      expect(password).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(password).not.toMatch(/[ILOU]/);
    }
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(12 * Math.log2(CROCKFORD_ALPHABET.length)).toBeGreaterThanOrEqual(60);
  });

  it('differs every time and uses the whole alphabet', () => {
    const passwords = new Set(Array.from({ length: 500 }, () => generateInvitationPassword()));
    expect(passwords.size).toBe(500);
    const seen = new Set([...passwords].join(''));
    expect(seen.size).toBe(32);
  });

  it('refuses shorter passwords', () => {
    expect(() => generateInvitationPassword(8)).toThrow(RangeError);
    expect(generateInvitationPassword(16)).toHaveLength(16);
  });
});

describe('hash and verify', () => {
  const secret = 'service-secret-for-tests';

  it('stores a keyed hex hash, never the password', () => {
    const password = generateInvitationPassword();
    const hash = hashInvitationPassword(password, secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(password);
    expect(hashInvitationPassword(password, 'another-secret')).not.toBe(hash);
  });

  it('verifies the right password, tolerant of case, hyphens and look-alikes', () => {
    const hash = hashInvitationPassword('AB01CD1EFG0H', secret);
    expect(verifyInvitationPassword('AB01CD1EFG0H', hash, secret)).toBe(true);
    expect(verifyInvitationPassword('ab0l-cdie-fgoh', hash, secret)).toBe(true);
    expect(verifyInvitationPassword('AB01CD1EFG0J', hash, secret)).toBe(false);
    expect(verifyInvitationPassword('AB01CD1EFG0H', hash, 'wrong-secret')).toBe(false);
    expect(verifyInvitationPassword('AB01CD1EFG0H', 'not-hex', secret)).toBe(false);
  });
});
