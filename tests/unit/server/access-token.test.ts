// Access tokens: signed, expiring, and refused when anything about them is off; jose with an
// algorithm allow-list, issuer/audience/iat/exp checks and key ids for rotation.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  accessTokenAudience,
  accessTokenIssuer,
  accessTokenKey,
  accessTokenLifetimeSeconds,
  signAccessToken,
  verifyAccessToken,
} from '../../../server/domain/auth/access-token';

const key = randomBytes(32);
const now = new Date('2026-05-01T12:00:00.000Z');

describe('access tokens', () => {
  it('round-trips the administrator and session until it expires', async () => {
    const { token, expiresAt } = await signAccessToken(key, 'admin-1', 'session-1', now);
    expect(expiresAt.getTime() - now.getTime()).toBe(accessTokenLifetimeSeconds * 1000);
    expect(await verifyAccessToken(key, token, now)).toMatchObject({
      sub: 'admin-1',
      sid: 'session-1',
    });
    expect(await verifyAccessToken(key, token, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(await verifyAccessToken(key, token, expiresAt)).toBeNull();
  });

  it('refuses another key, a changed payload, a changed header and junk', async () => {
    const { token } = await signAccessToken(key, 'admin-1', 'session-1', now);
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
      expect(await verifyAccessToken(key, candidate, now)).toBeNull();
    }
    expect(await verifyAccessToken(randomBytes(32), token, now)).toBeNull();
  });

  it('refuses a correctly signed token whose claims are malformed', async () => {
    const { createHmac } = await import('node:crypto');
    const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    for (const claims of ['not json', JSON.stringify({ sub: 1, sid: 's', iat: 0, exp: 9e9 })]) {
      const body = Buffer.from(claims).toString('base64url');
      const sig = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
      expect(await verifyAccessToken(key, `${head}.${body}.${sig}`, now)).toBeNull();
    }
  });
});

describe('access tokens through jose (security rule)', () => {
  it('accepts HS256 only, with issuer, audience, issued-at and expiry checked', async () => {
    const { SignJWT } = await import('jose');
    const { kid } = accessTokenKey(key);
    const base = () =>
      new SignJWT({ sid: 'session-1' })
        .setSubject('admin-1')
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + 60);
    const forged = [
      // another algorithm with the same secret
      await base()
        .setProtectedHeader({ alg: 'HS512', kid })
        .setIssuer(accessTokenIssuer)
        .setAudience(accessTokenAudience)
        .sign(key),
      // wrong issuer, wrong audience, none at all
      await base()
        .setProtectedHeader({ alg: 'HS256', kid })
        .setIssuer('someone-else')
        .setAudience(accessTokenAudience)
        .sign(key),
      await base()
        .setProtectedHeader({ alg: 'HS256', kid })
        .setIssuer(accessTokenIssuer)
        .setAudience('another-api')
        .sign(key),
      await base().setProtectedHeader({ alg: 'HS256', kid }).sign(key),
      // no key id
      await base()
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(accessTokenIssuer)
        .setAudience(accessTokenAudience)
        .sign(key),
    ];
    for (const token of forged) expect(await verifyAccessToken(key, token, now)).toBeNull();
    const issuedLater = await signAccessToken(
      key,
      'admin-1',
      'session-1',
      new Date(now.getTime() + 3_600_000),
    );
    expect(await verifyAccessToken(key, issuedLater.token, now)).toBeNull();
  });

  it('names its key: a new key is accepted before it signs, the old one after it stopped', async () => {
    const oldKey = accessTokenKey(randomBytes(32));
    const newKey = accessTokenKey(randomBytes(32));
    expect(oldKey.kid).not.toBe(newKey.kid);
    const signedWithOld = await signAccessToken(
      { signing: oldKey, accepted: [oldKey, newKey] },
      'admin-1',
      'session-1',
      now,
    );
    const rotated = { signing: newKey, accepted: [newKey, oldKey] };
    expect(await verifyAccessToken(rotated, signedWithOld.token, now)).toMatchObject({
      sub: 'admin-1',
    });
    const signedWithNew = await signAccessToken(rotated, 'admin-1', 'session-1', now);
    expect(
      await verifyAccessToken(
        { signing: oldKey, accepted: [oldKey, newKey] },
        signedWithNew.token,
        now,
      ),
    ).not.toBeNull();
    const retired = { signing: newKey, accepted: [newKey] };
    expect(await verifyAccessToken(retired, signedWithOld.token, now)).toBeNull();
    expect(await verifyAccessToken(retired, signedWithNew.token, now)).not.toBeNull();
  });

  it('never outlives the session end it is given', async () => {
    const end = new Date(now.getTime() + 5 * 60_000);
    const { token, expiresAt } = await signAccessToken(key, 'admin-1', 'session-1', now, end);
    expect(expiresAt).toEqual(end);
    expect(await verifyAccessToken(key, token, end)).toBeNull();
  });
});
