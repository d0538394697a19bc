// The follow-up queue: accounts still Invited whose latest invitation went out more than N days
// ago, and every account whose invitation failed — oldest first, with how often and when they
// were last followed up (a resend) and by whom.
import { sql } from 'kysely';
import type { FollowUpItem, FollowUpPage, FollowUpQuery } from '../../../common/api/reports';
import { toCount } from '../../db/values';
import { paginate } from '../paging';
import { toAccount } from '../accounts/account-view';
import { settingsFor, type Db } from '../organization-context';

const dayMs = 24 * 60 * 60 * 1000;

/** The organization's followUpDays, inherited from the nearest ancestor with settings. */
export async function followUpDaysOf(db: Db, organizationPath: string): Promise<number> {
  return (await settingsFor(db, { path: organizationPath })).followUpDays;
}

/** One page of the queue for these organizations; `olderThanDays` already resolved. */
export async function followUpQueue(
  db: Db,
  organizationIds: readonly string[],
  query: FollowUpQuery,
  olderThanDays: number,
  now: Date,
): Promise<FollowUpPage> {
  const cutoff = new Date(now.getTime() - olderThanDays * dayMs).toISOString();
  const base = db
    .selectFrom('accounts')
    .selectAll('accounts')
    .where('accounts.organization_id', 'in', organizationIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('accounts.status', '=', 'invited'), eb('accounts.invited_at', '<', cutoff)]),
        eb('accounts.status', '=', 'invitation_failed'),
      ]),
    )
    .orderBy('accounts.invited_at')
    .orderBy('accounts.id');
  const page = await paginate(base, query, (row) => row);
  const ids = page.items.map((row) => row.id);
  const invitations = new Map<string, number>();
  const latest = new Map<string, FollowUpItem['lastFollowUp']>();
  if (ids.length > 0) {
    for (const row of await db
      .selectFrom('invitations')
      .select(['account_id', sql`count(*)`.as('n')])
      .where('account_id', 'in', ids)
      .groupBy('account_id')
      .execute()) {
      if (row.account_id) invitations.set(row.account_id, toCount(row.n));
    }
    const resends = await db
      .selectFrom('audit_events')
      .leftJoin('administrators', 'administrators.id', 'audit_events.actor_id')
      .select([
        'audit_events.target_id',
        'audit_events.created_at',
        'audit_events.actor_id',
        'audit_events.actor_email',
        'administrators.name',
      ])
      .where('audit_events.target_id', 'in', ids)
      .where('audit_events.action', '=', 'account.invitation_resent')
      .orderBy('audit_events.seq', 'desc')
      .execute();
    for (const row of resends) {
      if (row.target_id && !latest.has(row.target_id)) {
        latest.set(row.target_id, {
          at: row.created_at,
          administratorId: row.actor_id,
          by: row.name ?? row.actor_email,
        });
      }
    }
  }
  return {
    ...page,
    items: page.items.map((row) => ({
      ...toAccount(row),
      lastInvitedAt: row.invited_at,
      followUps: Math.max(0, (invitations.get(row.id) ?? 1) - 1),
      lastFollowUp: latest.get(row.id) ?? null,
    })),
    olderThanDays,
  };
}
