// Delete accounts, choosing what happens to their numbers: released (Available) or reserved
// (Reserved, tag RE-INVITE, to invite the same person again with the same number). Frees the contact.
import type { NumberDisposition } from '../../../common/api/accounts';
import { recordAudit } from '../audit/record-audit';
import { releaseNumber } from '../numbers/assign-number';
import type { Db } from '../organization-context';
import { failure, success, type Outcome } from '../outcome';
import { accountsInScope, type AccountsContext } from './account-context';

export async function deleteAccounts(
  db: Db,
  context: AccountsContext,
  accountIds: readonly string[],
  numberDisposition: NumberDisposition,
): Promise<Outcome<{ deleted: number }>> {
  const found = await accountsInScope(db, context.scope, accountIds);
  const missing = [...new Set(accountIds)].filter((id) => !found.has(id));
  if (missing.length > 0) {
    return failure('NOT_FOUND', 'Some of these accounts were not found.', {
      accountIds: missing,
    });
  }
  for (const account of found.values()) {
    const held = await db
      .selectFrom('numbers')
      .select('number')
      .where('account_id', '=', account.id)
      .execute();
    const numbers = new Set(held.map((row) => row.number));
    if (account.number) numbers.add(account.number);
    for (const number of numbers)
      await releaseNumber(db, number, numberDisposition, context.invitation.now);
    await db.deleteFrom('activation_tokens').where('account_id', '=', account.id).execute();
    await db.deleteFrom('invitations').where('account_id', '=', account.id).execute();
    await db.deleteFrom('accounts').where('id', '=', account.id).execute();
    await recordAudit(db, {
      actor: context.actor,
      action: 'account.deleted',
      targetType: 'account',
      targetId: account.id,
      organizationId: account.organization_id,
      details: {
        contact: account.contact,
        username: account.username,
        numbers: [...numbers],
        numberDisposition,
      },
    });
  }
  return success({ deleted: found.size });
}
