// Suspend and Unsuspend work from any status. Unsuspend returns the account to where it was:
// Activated if it activated, else Invited (Invitation Failed when its last message failed), else Not Invited.
import type { AccountActionResults } from '../../../common/api/accounts';
import type { AccountRow } from '../../db/schema';
import { isoNow } from '../../db/values';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../organization-context';
import { success, type Outcome } from '../outcome';
import { accountsInScope, type AccountsContext } from './account-context';

type ActionResult = AccountActionResults['results'][number];

async function statusBeforeSuspension(db: Db, account: AccountRow): Promise<AccountRow['status']> {
  if (account.activated_at !== null) return 'activated';
  if (account.invited_at === null) return 'not_invited';
  const last = await db
    .selectFrom('outbox_messages')
    .select('status')
    .where('account_id', '=', account.id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.status === 'failed' ? 'invitation_failed' : 'invited';
}

async function setSuspended(
  db: Db,
  context: AccountsContext,
  accountIds: readonly string[],
  suspend: boolean,
): Promise<Outcome<AccountActionResults>> {
  const found = await accountsInScope(db, context.scope, accountIds);
  const results: ActionResult[] = [];
  const now = isoNow(context.invitation.now);
  for (const accountId of new Set(accountIds)) {
    const account = found.get(accountId);
    if (!account) {
      results.push({
        accountId,
        ok: false,
        error: { code: 'NOT_FOUND', message: 'That account was not found.' },
      });
      continue;
    }
    const isSuspended = account.status === 'suspended';
    if (isSuspended === suspend) {
      results.push({ accountId, ok: true });
      continue;
    }
    const status = suspend ? 'suspended' : await statusBeforeSuspension(db, account);
    await db
      .updateTable('accounts')
      .set({ status, updated_at: now })
      .where('id', '=', account.id)
      .execute();
    await recordAudit(db, {
      actor: context.actor,
      action: suspend ? 'account.suspended' : 'account.unsuspended',
      targetType: 'account',
      targetId: account.id,
      organizationId: account.organization_id,
      details: { previousStatus: account.status, status },
    });
    results.push({ accountId, ok: true });
  }
  return success({ results });
}

export function suspendAccounts(db: Db, context: AccountsContext, accountIds: readonly string[]) {
  return setSuspended(db, context, accountIds, true);
}

export function unsuspendAccounts(db: Db, context: AccountsContext, accountIds: readonly string[]) {
  return setSuspended(db, context, accountIds, false);
}
