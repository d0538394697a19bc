// Access tokens: signed, expiring, and refused when anything about them is off.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  accessTokenLifetimeSeconds,
  signAccessToken,
  verifyAccessToken,
} from '../../../server/domain/auth/access-token';

const key = randomBytes(32);
const now = new Date('2026-05-01T12:00:00.000Z');

describe('access tokens', () => {
  it('round-trips the administrator and session until it expires', () => {
    const { token, expiresAt } = signAccessToken(key, 'admin-1', 'session-1', now);
    expect(expiresAt.getTime() - now.getTime()).toBe(accessTokenLifetimeSeconds * 1000);
    expect(verifyAccessToken(key, token, now)).toMatchObject({ sub: 'admin-1', sid: 'session-1' });
    expect(verifyAccessToken(key, token, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(verifyAccessToken(key, token, expiresAt)).toBeNull();
  });

  it('refuses another key, a changed payload, a changed header and junk', () => {
    const { token } = signAccessToken(key, 'admin-1', 'session-1', now);
    const [head, body, sig] = token.split('.') as [string, string, string];
    const forgedBody = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sub: 'admin-2' }),
    ).toString('base64url');
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString(
      'base64url',
    );
    for (const candidate of [
      `${head}.${forgedBody}.${sig}`,
      `${noneHeader}.${body}.${sig}`,
      `${noneHeader}.${body}.`,
      `${head}.${body}`,
      '',
      'a.b.c',
      `${token}.extra`,
      'x'.repeat(5000),
    ]) {
      expect(verifyAccessToken(key, candidate, now)).toBeNull();
    }
    expect(verifyAccessToken(randomBytes(32), token, now)).toBeNull();
  });

  it('refuses a correctly signed token whose claims are malformed', async () => {
    const { createHmac } = await import('node:crypto');
    const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    for (const claims of ['not json', JSON.stringify({ sub: 1, sid: 's', iat: 0, exp: 9e9 })]) {
      const body = Buffer.from(claims).toString('base64url');
      const sig = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
      expect(verifyAccessToken(key, `${head}.${body}.${sig}`, now)).toBeNull();
    }
  });
});
