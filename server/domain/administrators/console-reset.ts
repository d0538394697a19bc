// `npm run server -- reset-password EMAIL`: the way back for a sole administrator locked out. On
// the service's machine, with its data: a new temporary password (to be changed at sign-in),
// every session and open invitation of that administrator ended.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { hashAdministratorPassword } from '../auth/passwords';
import { revokeAllSessions } from '../auth/sessions';
import { generateInvitationPassword } from '../invitations/password';
import { removeAdministratorPasswords } from '../outbox/spent-passwords';
import { failure, success, type Outcome } from '../outcome';
import { inTransaction } from '../transaction';

/** Sets a new temporary password for the administrator with that email and answers it. */
export async function resetPasswordFromConsole(
  db: Kysely<Database>,
  email: string,
  now: Date,
): Promise<Outcome<{ email: string; temporaryPassword: string }>> {
  const address = email.trim().toLowerCase();
  const administrator = await db
    .selectFrom('administrators')
    .select(['id', 'email', 'organization_id'])
    .where('email', '=', address)
    .executeTakeFirst();
  if (!administrator) {
    return failure('NOT_FOUND', `There is no administrator with the email address ${address}.`);
  }
  const temporaryPassword = generateInvitationPassword(16);
  const hash = await hashAdministratorPassword(temporaryPassword);
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('administrators')
      .set({ password_hash: hash, password_change_required: 1, updated_at: at })
      .where('id', '=', administrator.id)
      .execute();
    await trx
      .updateTable('invitations')
      .set({ superseded_at: at })
      .where('administrator_id', '=', administrator.id)
      .where('superseded_at', 'is', null)
      .execute();
    await removeAdministratorPasswords(trx, administrator.id);
    await revokeAllSessions(trx, administrator.id, now);
    await recordAudit(trx, {
      actor: null,
      organizationId: administrator.organization_id,
      action: 'administrator.password_reset',
      targetType: 'administrator',
      targetId: administrator.id,
      details: { from: 'console' },
      at: now,
    });
  });
  return success({ email: administrator.email, temporaryPassword });
}
