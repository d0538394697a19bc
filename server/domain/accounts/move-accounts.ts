// Move accounts to another organization of the caller's subtree. Invited accounts without a number
// need capacity in the destination; numbers (Assigned or Registered) move with their accounts.
import {
  MOVE_NOT_ENOUGH_NUMBERS_MESSAGE,
  type MoveCheckResult,
} from '../../../common/api/accounts';
import type { OrganizationRow } from '../../db/schema';
import { isoNow } from '../../db/values';
import { computeCapacity, countsAgainstCapacity } from '../capacity';
import { recordAudit } from '../audit/record-audit';
import { defaultProfileFor, lockOrganizations, type Db } from '../organization-context';
import { organizationInScope, lineage } from '../scope';
import { failure, success, type Outcome } from '../outcome';
import { accountsInScope, type AccountsContext } from './account-context';

interface MovePlan {
  target: OrganizationRow;
  accounts: Awaited<ReturnType<typeof accountsInScope>> extends Map<string, infer A> ? A[] : never;
  needed: number;
  capacity: number;
}

async function planMove(
  db: Db,
  context: Pick<AccountsContext, 'scope'>,
  accountIds: readonly string[],
  targetOrganizationId: string,
): Promise<Outcome<MovePlan>> {
  const targetFound = await organizationInScope(db, context.scope, targetOrganizationId);
  if (!targetFound.ok) return targetFound;
  const target = targetFound.value;
  const found = await accountsInScope(db, context.scope, accountIds);
  const missing = [...new Set(accountIds)].filter((id) => !found.has(id));
  if (missing.length > 0)
    return failure('NOT_FOUND', 'Some of these accounts were not found.', {
      accountIds: missing,
    });
  const accounts = [...found.values()].filter((account) => account.organization_id !== target.id);
  const needed = accounts.filter(countsAgainstCapacity).length;
  const capacity = needed > 0 ? await computeCapacity(db, target.id) : 0;
  return success({ target, accounts, needed, capacity });
}

const notEnough = (plan: MovePlan) =>
  failure('NOT_ENOUGH_NUMBERS', MOVE_NOT_ENOUGH_NUMBERS_MESSAGE, {
    organizationId: plan.target.id,
    needed: plan.needed,
    capacity: plan.capacity,
  });

/** Whether the Move button is enabled, and the sentence shown when it is not. */
export async function moveCheck(
  db: Db,
  context: Pick<AccountsContext, 'scope'>,
  accountIds: readonly string[],
  targetOrganizationId: string,
): Promise<Outcome<MoveCheckResult>> {
  const plan = await planMove(db, context, accountIds, targetOrganizationId);
  if (!plan.ok) return plan;
  return success(
    plan.value.needed > plan.value.capacity
      ? { allowed: false, message: MOVE_NOT_ENOUGH_NUMBERS_MESSAGE }
      : { allowed: true },
  );
}

/** Moves the accounts (all or nothing) and their numbers. */
export async function moveAccounts(
  db: Db,
  context: AccountsContext,
  accountIds: readonly string[],
  targetOrganizationId: string,
): Promise<Outcome<{ moved: number }>> {
  const targetFound = await organizationInScope(db, context.scope, targetOrganizationId);
  if (!targetFound.ok) return targetFound;
  const target = targetFound.value;
  await lockOrganizations(db, [target.id]);
  const planned = await planMove(db, context, accountIds, targetOrganizationId);
  if (!planned.ok) return planned;
  const plan = planned.value;
  if (plan.needed > plan.capacity) return notEnough(plan);

  const now = isoNow(context.invitation.now);
  const targetLineage = lineage(target);
  const visibleProfiles = new Set(
    (
      await db
        .selectFrom('permission_profiles')
        .select('id')
        .where('organization_id', 'in', targetLineage)
        .execute()
    ).map((row) => row.id),
  );
  const targetDefault = await defaultProfileFor(db, target);
  for (const account of plan.accounts) {
    // A profile of the old branch is not visible below the new parent: use the destination's default.
    const keepProfile =
      account.permission_profile_id !== null && visibleProfiles.has(account.permission_profile_id);
    await db
      .updateTable('accounts')
      .set({
        organization_id: target.id,
        root_organization_id: target.root_id,
        permission_profile_id: keepProfile ? account.permission_profile_id : targetDefault,
        updated_at: now,
      })
      .where('id', '=', account.id)
      .execute();
    await db
      .updateTable('numbers')
      .set({ organization_id: target.id, updated_at: now })
      .where('account_id', '=', account.id)
      .execute();
    await recordAudit(db, {
      actor: context.actor,
      action: 'account.moved',
      targetType: 'account',
      targetId: account.id,
      organizationId: target.id,
      details: { from: account.organization_id, to: target.id, number: account.number },
    });
  }
  return success({ moved: plan.accounts.length });
}
