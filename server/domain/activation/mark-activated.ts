// The last step of every activation, whether the account came with a number or the device chose
// one: one rule for what "Activated" means, so the two ways in cannot drift apart.
import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../../db/schema';
import { isoNow } from '../../db/values';
import { recordAudit } from '../audit/record-audit';
import { removeAccountPasswords } from '../outbox/spent-passwords';

/**
 * The account becomes Activated on `number`; its one-time passwords stop working at once and the
 * Activity log records it (by the device: no administrator).
 */
export async function markActivated(
  trx: Kysely<Database>,
  account: Pick<AccountRow, 'id' | 'organization_id'>,
  number: string,
  now: Date,
  details: Record<string, unknown>,
): Promise<void> {
  const at = isoNow(now);
  await trx
    .updateTable('accounts')
    .set({ number, status: 'activated', activated_at: at, updated_at: at })
    .where('id', '=', account.id)
    .execute();
  await removeAccountPasswords(trx, [account.id]);
  await recordAudit(trx, {
    actor: null,
    action: 'account.activated',
    targetType: 'account',
    targetId: account.id,
    organizationId: account.organization_id,
    details: { number, ...details },
    at: now,
  });
}
