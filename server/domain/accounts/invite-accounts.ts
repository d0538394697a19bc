// Invite and Resend Invite. Invite moves Not Invited accounts to Invited under the capacity rule
// (all or nothing for the selection), a few statements per 500 accounts; Resend issues a new
// password (the old one stops working) and works whatever the number stock, except for Not Invited
// accounts, which it invites.
import type { AuditAction } from '../../../common/api/audit';
import type { AccountActionResults } from '../../../common/api/accounts';
import { batches } from '../../db/batches';
import type { AccountRow } from '../../db/schema';
import { isoNow } from '../../db/values';
import { computeCapacities, countsAgainstCapacity } from '../capacity';
import { recordAudits } from '../audit/record-audit';
import { issueInvitations, type InvitationLookups } from '../invitations/issue-invitation';
import { lockOrganizations, type Db } from '../organization-context';
import { failure, success, type Outcome } from '../outcome';
import { accountsInScope, type AccountsContext } from './account-context';
import { notEnoughNumbers } from './account-rules';

type ActionResult = AccountActionResults['results'][number];

const notFoundResult = (accountId: string): ActionResult => ({
  accountId,
  ok: false,
  error: { code: 'NOT_FOUND', message: 'That account was not found.' },
});

type Invitable = AccountRow & { organization_path: string };

const changedMeanwhile = (accountId: string): ActionResult => ({
  accountId,
  ok: false,
  error: { code: 'CONFLICT', message: 'The account changed meanwhile; refresh and try again.' },
});

/**
 * Moves the accounts to `nextStatus` (each only if it still is in `from`), issues their
 * invitations and audits them, a few statements per batch; one result per account, in order.
 */
async function sendInvitations(
  db: Db,
  context: AccountsContext,
  accounts: readonly Invitable[],
  from: AccountRow['status'],
  nextStatus: 'invited' | 'activated',
  action: AuditAction,
  cache: InvitationLookups,
): Promise<ActionResult[]> {
  const now = isoNow(context.invitation.now);
  const changed = new Set<string>();
  for (const part of batches(accounts)) {
    const rows = await db
      .updateTable('accounts')
      .set({
        status: nextStatus,
        // A reinstall of an Activated account keeps when it was invited.
        ...(nextStatus === 'invited' ? { invited_at: now } : {}),
        updated_at: now,
      })
      .where(
        'id',
        'in',
        part.map((account) => account.id),
      )
      .where('status', '=', from)
      .returning('id')
      .execute();
    for (const row of rows) changed.add(row.id);
  }
  const sent = accounts.filter((account) => changed.has(account.id));
  await issueInvitations(
    db,
    context.invitation,
    sent.map((account) => ({
      account: { ...account, status: nextStatus },
      organization: { path: account.organization_path },
    })),
    cache,
  );
  await recordAudits(
    db,
    sent.map((account) => ({
      actor: context.actor,
      action,
      targetType: 'account',
      targetId: account.id,
      organizationId: account.organization_id,
      details: { previousStatus: from },
    })),
  );
  return accounts.map((account) =>
    changed.has(account.id) ? { accountId: account.id, ok: true } : changedMeanwhile(account.id),
  );
}

/** One account through sendInvitations. */
async function sendInvitation(
  db: Db,
  context: AccountsContext,
  account: Invitable,
  from: AccountRow['status'],
  nextStatus: 'invited' | 'activated',
  action: AuditAction,
  cache: InvitationLookups,
): Promise<ActionResult> {
  const [result] = await sendInvitations(db, context, [account], from, nextStatus, action, cache);
  return result!;
}

/**
 * Invites Not Invited accounts. 409 NOT_ENOUGH_NUMBERS (nothing invited) when, in any organization,
 * the selected accounts without a number exceed its capacity. Other accounts get a per-account error.
 */
export async function inviteAccounts(
  db: Db,
  context: AccountsContext,
  accountIds: readonly string[],
): Promise<Outcome<AccountActionResults>> {
  const cache: InvitationLookups = new Map();
  let found = await accountsInScope(db, context.scope, accountIds);
  // Lock the organizations first, then read the accounts again: a concurrent invitation of the
  // same accounts is then seen as done (per-account error), not as capacity used twice.
  await lockOrganizations(
    db,
    new Set([...found.values()].map((account) => account.organization_id)),
  );
  found = await accountsInScope(db, context.scope, accountIds);
  const eligible = [...found.values()].filter((account) => account.status === 'not_invited');
  const needed = new Map<string, number>();
  for (const account of eligible) {
    if (account.number === null) {
      needed.set(account.organization_id, (needed.get(account.organization_id) ?? 0) + 1);
    }
  }
  if (needed.size > 0) {
    const capacities = await computeCapacities(db, [...needed.keys()]);
    for (const [organizationId, count] of needed) {
      const capacity = capacities.get(organizationId) ?? 0;
      if (count > capacity) return notEnoughNumbers(organizationId, count, capacity);
    }
  }
  const invitable = [...new Set(accountIds)].flatMap((accountId) => {
    const account = found.get(accountId);
    return account?.status === 'not_invited' ? [account] : [];
  });
  const sent = await sendInvitations(
    db,
    context,
    invitable,
    'not_invited',
    'invited',
    'account.invited',
    cache,
  );
  const sentResults = new Map(sent.map((result) => [result.accountId, result]));
  const results = [...new Set(accountIds)].map((accountId): ActionResult => {
    const account = found.get(accountId);
    if (!account) return notFoundResult(accountId);
    return (
      sentResults.get(accountId) ?? {
        accountId,
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Only Not Invited accounts can be invited; use Resend Invite for the others.',
        },
      }
    );
  });
  return success({ results });
}

/**
 * Resends invitations with new passwords: Invited and Invitation Failed → Invited, Activated stays
 * Activated (a reinstall), Not Invited is invited under the capacity rule, Suspended is refused.
 */
export async function resendInvitations(
  db: Db,
  context: AccountsContext,
  accountIds: readonly string[],
): Promise<Outcome<AccountActionResults>> {
  const cache: InvitationLookups = new Map();
  const found = await accountsInScope(db, context.scope, accountIds);
  const firstTimers = [...found.values()].filter(
    (account) => account.status === 'not_invited' && account.number === null,
  );
  const capacities = new Map<string, number>();
  if (firstTimers.length > 0) {
    const organizationIds = [...new Set(firstTimers.map((account) => account.organization_id))];
    await lockOrganizations(db, organizationIds);
    for (const [id, capacity] of await computeCapacities(db, organizationIds))
      capacities.set(id, capacity);
  }
  const results: ActionResult[] = [];
  for (const accountId of new Set(accountIds)) {
    const account = found.get(accountId);
    if (!account) {
      results.push(notFoundResult(accountId));
      continue;
    }
    switch (account.status) {
      case 'invited':
      case 'invitation_failed':
        results.push(
          await sendInvitation(
            db,
            context,
            account,
            account.status,
            'invited',
            'account.invitation_resent',
            cache,
          ),
        );
        break;
      case 'activated':
        results.push(
          await sendInvitation(
            db,
            context,
            account,
            'activated',
            'activated',
            'account.invitation_resent',
            cache,
          ),
        );
        break;
      case 'not_invited': {
        if (!countsAgainstCapacity({ ...account, status: 'invited' })) {
          results.push(
            await sendInvitation(
              db,
              context,
              account,
              'not_invited',
              'invited',
              'account.invited',
              cache,
            ),
          );
          break;
        }
        const capacity = capacities.get(account.organization_id) ?? 0;
        if (capacity < 1) {
          const refused = notEnoughNumbers(account.organization_id, 1, capacity);
          results.push({
            accountId,
            ok: false,
            error: { code: refused.code, message: refused.message },
          });
          break;
        }
        const result = await sendInvitation(
          db,
          context,
          account,
          'not_invited',
          'invited',
          'account.invited',
          cache,
        );
        if (result.ok) capacities.set(account.organization_id, capacity - 1);
        results.push(result);
        break;
      }
      case 'suspended':
        results.push({
          accountId,
          ok: false,
          error: {
            code: 'CONFLICT',
            message: 'This account is suspended; unsuspend it before resending its invitation.',
          },
        });
        break;
      default:
        return failure(
          'INTERNAL_ERROR',
          `Unknown account status ${String(account.status satisfies never)}.`,
        );
    }
  }
  return success({ results });
}
