// Sign-in sessions: a session per sign-in, rotated single-use refresh tokens (a reused one ends
// the session: it was stolen or replayed), and short access tokens naming the session. A session
// ends at its maximum age or when idle (session-limits.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Session } from '../../../common/api/auth';
import type { AdministratorRow, Database } from '../../db/schema';
import { isSet, newId } from '../../db/values';
import type { AppDeps } from '../../deps';
import { failure, success, type Failure, type Outcome } from '../outcome';
import { inTransaction } from '../transaction';
import { toAdministrator } from '../administrators/administrator-view';
import { recordAudit } from '../audit/record-audit';
import { signAccessToken } from './access-token';
import { refreshTokenEndsAt, sessionEndsAt } from './session-limits';

/** A rotated token presented again within this time is a race, not a replay. */
const reuseGraceMs = 10_000;

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

async function issueRefreshToken(
  deps: AppDeps,
  db: Kysely<Database>,
  session: { id: string; createdAt: string },
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: hashToken(token),
      session_id: session.id,
      expires_at: refreshTokenEndsAt(deps.config, session.createdAt, now).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return token;
}

async function sessionAnswer(
  deps: AppDeps,
  administrator: AdministratorRow,
  session: { id: string; createdAt: string },
  refreshToken: string,
): Promise<Session> {
  const access = await signAccessToken(
    deps.secrets.accessTokenKeys,
    administrator.id,
    session.id,
    deps.now(),
    sessionEndsAt(deps.config, session.createdAt),
  );
  return {
    accessToken: access.token,
    refreshToken,
    expiresAt: access.expiresAt.toISOString(),
    administrator: toAdministrator(administrator),
    passwordChangeRequired: isSet(administrator.password_change_required),
  };
}

/** Opens a session for an administrator whose credentials were just checked. */
export async function openSession(
  deps: AppDeps,
  trx: Kysely<Database>,
  administrator: AdministratorRow,
): Promise<Session> {
  const now = deps.now();
  const sessionId = newId();
  await trx
    .insertInto('auth_sessions')
    .values({
      id: sessionId,
      administrator_id: administrator.id,
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      revoked_at: null,
    })
    .execute();
  const session = { id: sessionId, createdAt: now.toISOString() };
  const refreshToken = await issueRefreshToken(deps, trx, session, now);
  return sessionAnswer(deps, administrator, session, refreshToken);
}

const invalidRefresh = (): Failure =>
  failure(
    'UNAUTHORIZED',
    'This sign-in has ended or the refresh token is not valid. Sign in again.',
  );

/** Exchanges a refresh token for a new pair; the old token stops working. */
export async function rotateRefreshToken(
  deps: AppDeps,
  refreshToken: string,
): Promise<Outcome<Session>> {
  const now = deps.now();
  const hash = hashToken(refreshToken);
  const rotated = await inTransaction(deps.db, async (trx): Promise<Outcome<Session | null>> => {
    const row = await trx
      .selectFrom('refresh_tokens as t')
      .innerJoin('auth_sessions as s', 's.id', 't.session_id')
      .select([
        't.session_id',
        't.used_at',
        't.expires_at',
        's.revoked_at',
        's.administrator_id',
        's.created_at',
      ])
      .where('t.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return invalidRefresh();
    // Idle too long (the token's expiry) or past the session's maximum age: signed out.
    if (row.expires_at <= now.toISOString()) return invalidRefresh();
    if (sessionEndsAt(deps.config, row.created_at) <= now) return invalidRefresh();
    // Single use: only one caller can flip used_at; a reused token ends the whole session.
    const claimed = await trx
      .updateTable('refresh_tokens')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', hash)
      .where('used_at', 'is', null)
      .returning('token_hash')
      .executeTakeFirst();
    if (!claimed) {
      // Two refreshes racing (two windows at once) are not theft; a replay later is.
      const usedAt = row.used_at ? Date.parse(row.used_at) : now.getTime();
      if (now.getTime() - usedAt > reuseGraceMs) await revokeSession(trx, row.session_id, now);
      // Answered as a success so that the revocation is committed; refused below.
      return success(null);
    }
    const administrator = await trx
      .selectFrom('administrators')
      .selectAll()
      .where('id', '=', row.administrator_id)
      .executeTakeFirst();
    if (!administrator) return invalidRefresh();
    await trx
      .updateTable('auth_sessions')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.session_id)
      .execute();
    const session = { id: row.session_id, createdAt: row.created_at };
    const next = await issueRefreshToken(deps, trx, session, now);
    return success(await sessionAnswer(deps, administrator, session, next));
  });
  if (!rotated.ok) return rotated;
  return rotated.value ? success(rotated.value) : invalidRefresh();
}

export async function revokeSession(
  db: Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of the administrator (password reset). */
export async function revokeAllSessions(
  db: Kysely<Database>,
  administratorId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('administrator_id', '=', administratorId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Signs out: ends the session of the refresh token (unknown tokens are ignored). */
export async function signOut(
  deps: AppDeps,
  refreshToken: string,
): Promise<{ administratorId: string; sessionId: string } | null> {
  const row = await deps.db
    .selectFrom('refresh_tokens as t')
    .innerJoin('auth_sessions as s', 's.id', 't.session_id')
    .select(['t.session_id', 's.administrator_id'])
    .where('t.token_hash', '=', hashToken(refreshToken))
    .executeTakeFirst();
  if (!row) return null;
  await inTransaction(deps.db, async (trx) => {
    await revokeSession(trx, row.session_id, deps.now());
    const administrator = await trx
      .selectFrom('administrators')
      .select(['id', 'email', 'organization_id'])
      .where('id', '=', row.administrator_id)
      .executeTakeFirst();
    if (administrator) {
      await recordAudit(trx, {
        actor: administrator,
        organizationId: administrator.organization_id,
        action: 'auth.signed_out',
        targetType: 'administrator',
        targetId: administrator.id,
        at: deps.now(),
      });
    }
  });
  return { administratorId: row.administrator_id, sessionId: row.session_id };
}
