// Short-lived access tokens: JWTs made and checked by jose, HS256 only, with issuer, audience,
// issued-at and expiry checked. Each carries the `kid` of its key, so a new key can be accepted
// by every instance before it starts signing, and the old one retired afterwards.
import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTVerifyGetKey } from 'jose';

export const accessTokenLifetimeSeconds = 15 * 60;
export const accessTokenIssuer = 'linedesk-service';
export const accessTokenAudience = 'linedesk-api';
/** The only algorithm accepted: anything else in a token's header is refused. */
const algorithms = ['HS256'];

export interface AccessTokenClaims {
  /** Administrator id. */
  sub: string;
  /** Session id (auth_sessions). */
  sid: string;
  iat: number;
  exp: number;
}

export interface AccessTokenKey {
  kid: string;
  key: Uint8Array;
}

/** The key that signs, and every key accepted (the signing one included). */
export interface AccessTokenKeys {
  signing: AccessTokenKey;
  accepted: AccessTokenKey[];
}

/** A key with its id; the id is a digest, so it says nothing about the key. */
export function accessTokenKey(key: Uint8Array): AccessTokenKey {
  const kid = createHash('sha256').update('linedesk-kid:').update(key).digest('base64url');
  return { kid: kid.slice(0, 16), key };
}

function ring(keys: AccessTokenKeys | Uint8Array): AccessTokenKeys {
  if (keys instanceof Uint8Array) {
    const only = accessTokenKey(keys);
    return { signing: only, accepted: [only] };
  }
  return keys;
}

/** Signs a token for the session; it expires after 15 minutes, or at `notAfter` if sooner. */
export async function signAccessToken(
  keys: AccessTokenKeys | Uint8Array,
  administratorId: string,
  sessionId: string,
  now: Date,
  notAfter?: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const { signing } = ring(keys);
  const iat = Math.floor(now.getTime() / 1000);
  const limit = notAfter ? Math.floor(notAfter.getTime() / 1000) : Infinity;
  const exp = Math.max(iat + 1, Math.min(iat + accessTokenLifetimeSeconds, limit));
  const token = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: signing.kid })
    .setSubject(administratorId)
    .setIssuer(accessTokenIssuer)
    .setAudience(accessTokenAudience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(signing.key);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** The claims of a valid, unexpired token signed by an accepted key; null for anything else. */
export async function verifyAccessToken(
  keys: AccessTokenKeys | Uint8Array,
  token: string,
  now: Date,
): Promise<AccessTokenClaims | null> {
  if (token.length > 4096) return null;
  const { accepted } = ring(keys);
  const keyOf: JWTVerifyGetKey = (header) => {
    const found = accepted.find((candidate) => candidate.kid === header.kid);
    if (!found) throw new Error('unknown key id');
    return found.key;
  };
  try {
    const { payload } = await jwtVerify(token, keyOf, {
      algorithms,
      issuer: accessTokenIssuer,
      audience: accessTokenAudience,
      currentDate: now,
      maxTokenAge: accessTokenLifetimeSeconds,
      requiredClaims: ['sub', 'sid', 'iat', 'exp'],
      typ: 'JWT',
    });
    const { sub, sid, iat, exp } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string') return null;
    if (typeof iat !== 'number' || typeof exp !== 'number') return null;
    // Issued in the future (a clock far off, or a forged iat): refused.
    if (iat * 1000 > now.getTime() + 60_000) return null;
    return { sub, sid, iat, exp };
  } catch {
    return null;
  }
}
