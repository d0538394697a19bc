// Signing in with email and password (the chosen one, or a temporary one from an administrator
// invitation, which then requires a password change), and changing one's password.
import type { Kysely } from 'kysely';
import type { Session } from '../../../common/api/auth';
import type { AdministratorRow, Database } from '../../db/schema';
import type { AppDeps } from '../../deps';
import { reserveAttempt, signInPerAccount, signInPerAddress } from './attempt-limits';
import { recordAudit } from '../audit/record-audit';
import { removeAdministratorPasswords } from '../outbox/spent-passwords';
import { hashAdministratorPassword, verifyAdministratorPassword, verifyNothing } from './passwords';
import { openSession } from './sessions';
import { failure, success, type Failure, type Outcome } from '../outcome';
import { inTransaction } from '../transaction';

const invalidCredentials = (): Failure =>
  failure('INVALID_CREDENTIALS', 'The email address or password is not correct.');

/** The administrator's temporary password still usable for signing in, if any. */
async function openInvitation(db: Kysely<Database>, administratorId: string, now: Date) {
  return db
    .selectFrom('invitations')
    .select(['id', 'password_hash'])
    .where('administrator_id', '=', administratorId)
    .where('used_at', 'is', null)
    .where('superseded_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Checks the credentials (rate-limited per account and per address) and opens a session. */
export async function signIn(
  deps: AppDeps,
  input: { email: string; password: string; address: string },
): Promise<Outcome<Session>> {
  const email = input.email.trim().toLowerCase();
  // Counted before the (slow) password check; a success takes the count back below.
  const reserved = await reserveAttempt(deps, [
    [signInPerAddress, input.address],
    [signInPerAccount, email],
  ]);
  if (!reserved.ok) return reserved;
  const attempt = reserved.value;
  const now = deps.now();
  const administrator = await deps.db
    .selectFrom('administrators')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();

  let viaInvitation: string | null = null;
  let ok = false;
  if (administrator) {
    if (administrator.password_hash) {
      ok = await verifyAdministratorPassword(administrator.password_hash, input.password);
    }
    // A temporary password works only until the administrator has chosen one of their own.
    if (!ok && administrator.password_hash === null) {
      const invitation = await openInvitation(deps.db, administrator.id, now);
      if (
        invitation &&
        (await verifyAdministratorPassword(invitation.password_hash, input.password))
      ) {
        ok = true;
        viaInvitation = invitation.id;
      }
    }
  }
  if (!administrator) await verifyNothing(input.password);
  if (!administrator || !ok) return invalidCredentials();

  const session = await inTransaction(deps.db, async (trx): Promise<Outcome<Session>> => {
    let current: AdministratorRow = administrator;
    if (viaInvitation) {
      // A temporary password is good for one sign-in; that session must choose a password.
      const used = await trx
        .updateTable('invitations')
        .set({ used_at: now.toISOString() })
        .where('id', '=', viaInvitation)
        .where('used_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!used) return invalidCredentials();
      current = await trx
        .updateTable('administrators')
        .set({ password_change_required: 1, updated_at: now.toISOString() })
        .where('id', '=', administrator.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await recordAudit(trx, {
      actor: { id: current.id, email: current.email },
      organizationId: current.organization_id,
      action: 'auth.signed_in',
      targetType: 'administrator',
      targetId: current.id,
      details: viaInvitation ? { temporaryPassword: true } : {},
      at: now,
    });
    return success(await openSession(deps, trx, current));
  });
  if (session.ok) await attempt.release();
  return session;
}

/** Does `password` match the administrator's chosen or latest temporary password? */
async function matchesCurrentPassword(
  deps: AppDeps,
  administrator: AdministratorRow,
  password: string,
): Promise<boolean> {
  if (
    administrator.password_hash &&
    (await verifyAdministratorPassword(administrator.password_hash, password))
  ) {
    return true;
  }
  // After signing in with a temporary password, that password is the "current" one.
  const latest = await deps.db
    .selectFrom('invitations')
    .select('password_hash')
    .where('administrator_id', '=', administrator.id)
    .where('superseded_at', 'is', null)
    .where('expires_at', '>', deps.now().toISOString())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return !!latest && (await verifyAdministratorPassword(latest.password_hash, password));
}

/**
 * Sets a new chosen password; ends the temporary one, the password-change requirement and every
 * other session of the administrator (the one changing it stays signed in).
 */
export async function changePassword(
  deps: AppDeps,
  signedInAs: { id: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<Outcome<null>> {
  const administratorId = signedInAs.id;
  const administrator = await deps.db
    .selectFrom('administrators')
    .selectAll()
    .where('id', '=', administratorId)
    .executeTakeFirstOrThrow();
  const attempt = await reserveAttempt(deps, [[signInPerAccount, administrator.email]]);
  if (!attempt.ok) return attempt;
  if (!(await matchesCurrentPassword(deps, administrator, input.currentPassword))) {
    return failure('VALIDATION_FAILED', 'The current password is not correct.', {
      fields: { currentPassword: 'The current password is not correct.' },
    });
  }
  await attempt.value.release();
  if (input.newPassword === input.currentPassword) {
    return failure('VALIDATION_FAILED', 'Some fields need attention.', {
      fields: { newPassword: 'Choose a password different from the current one.' },
    });
  }
  const hash = await hashAdministratorPassword(input.newPassword);
  const now = deps.now().toISOString();
  await inTransaction(deps.db, async (trx) => {
    await trx
      .updateTable('administrators')
      .set({ password_hash: hash, password_change_required: 0, status: 'active', updated_at: now })
      .where('id', '=', administratorId)
      .execute();
    await trx
      .updateTable('invitations')
      .set({ superseded_at: now })
      .where('administrator_id', '=', administratorId)
      .where('superseded_at', 'is', null)
      .execute();
    await trx
      .updateTable('auth_sessions')
      .set({ revoked_at: now })
      .where('administrator_id', '=', administratorId)
      .where('id', '!=', signedInAs.sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await removeAdministratorPasswords(trx, administratorId);
    await recordAudit(trx, {
      actor: { id: administrator.id, email: administrator.email },
      organizationId: administrator.organization_id,
      action: 'administrator.password_changed',
      targetType: 'administrator',
      targetId: administrator.id,
      at: deps.now(),
    });
  });
  return success(null);
}
