// Administrator invitations: a temporary password (argon2id-hashed, valid for the first sign-in,
// expiring with the organization's invitation setting) sent by email through the outbox with the
// line `Temporary password: <password>`. A resend supersedes the previous one.
import type { Kysely } from 'kysely';
import type { AdministratorRow, Database } from '../../db/schema';
import { newId } from '../../db/values';
import type { AppDeps } from '../../deps';
import { hashAdministratorPassword } from '../auth/passwords';
import { generateInvitationPassword } from '../invitations/password';
import { configuredChannels, enqueueMessage } from '../outbox/enqueue';
import { removeAdministratorPasswords } from '../outbox/spent-passwords';

export function administratorInvitationText(
  administrator: Pick<AdministratorRow, 'name' | 'email'>,
  password: string,
): { subject: string; body: string } {
  return {
    subject: 'Your Linedesk administrator account',
    body: [
      `Hello ${administrator.name},`,
      '',
      'You have been made an administrator in Linedesk.',
      `Sign in with your email address (${administrator.email}) and this password, then choose your own:`,
      '',
      `Temporary password: ${password}`,
      '',
      'The temporary password works for your first sign-in only.',
    ].join('\n'),
  };
}

/** Issues a new temporary password, supersedes older ones and queues the email. */
export async function sendAdministratorInvitation(
  deps: AppDeps,
  trx: Kysely<Database>,
  administrator: AdministratorRow,
  password: string = generateInvitationPassword(16),
): Promise<void> {
  const now = deps.now();
  const settings = await trx
    .selectFrom('organization_settings')
    .select('invitation_expiry_days')
    .where('organization_id', '=', administrator.organization_id)
    .executeTakeFirst();
  const days = settings?.invitation_expiry_days ?? 30;
  await trx
    .updateTable('invitations')
    .set({ superseded_at: now.toISOString() })
    .where('administrator_id', '=', administrator.id)
    .where('superseded_at', 'is', null)
    .execute();
  await removeAdministratorPasswords(trx, administrator.id);
  const invitationId = newId();
  await trx
    .insertInto('invitations')
    .values({
      id: invitationId,
      account_id: null,
      administrator_id: administrator.id,
      password_hash: await hashAdministratorPassword(password),
      expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
      used_at: null,
      superseded_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  const text = administratorInvitationText(administrator, password);
  await enqueueMessage(
    trx,
    configuredChannels(deps.config),
    {
      organizationId: administrator.organization_id,
      channel: 'email',
      to: administrator.email,
      subject: text.subject,
      body: text.body,
      administratorId: administrator.id,
      invitationId,
      password,
    },
    now,
  );
  await trx
    .updateTable('administrators')
    .set({ invited_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', administrator.id)
    .execute();
}
