// Short-lived access tokens: compact HS256 JWTs signed with the service's signing key.
// They name the administrator and the session, so signing out ends them too.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const accessTokenLifetimeSeconds = 15 * 60;

export interface AccessTokenClaims {
  /** Administrator id. */
  sub: string;
  /** Session id (auth_sessions). */
  sid: string;
  iat: number;
  exp: number;
}

const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function signature(key: Buffer, content: string): string {
  return createHmac('sha256', key).update(content).digest('base64url');
}

export function signAccessToken(
  key: Buffer,
  administratorId: string,
  sessionId: string,
  now: Date,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: AccessTokenClaims = {
    sub: administratorId,
    sid: sessionId,
    iat,
    exp: iat + accessTokenLifetimeSeconds,
  };
  const content = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return {
    token: `${content}.${signature(key, content)}`,
    expiresAt: new Date(claims.exp * 1000),
  };
}

/** The claims of a valid, unexpired token; null for anything else. */
export function verifyAccessToken(key: Buffer, token: string, now: Date): AccessTokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 4096) return null;
  const [head, body, sig] = parts as [string, string, string];
  const expected = Buffer.from(signature(key, `${head}.${body}`));
  const given = Buffer.from(sig);
  if (head !== header || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return null;
  }
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<
      Record<keyof AccessTokenClaims, unknown>
    >;
    if (
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      typeof claims.exp !== 'number' ||
      typeof claims.iat !== 'number'
    ) {
      return null;
    }
    if (claims.exp * 1000 <= now.getTime()) return null;
    return { sub: claims.sub, sid: claims.sid, iat: claims.iat, exp: claims.exp };
  } catch {
    return null;
  }
}
