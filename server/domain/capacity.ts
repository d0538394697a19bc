// Onboarding capacity: Available numbers − accounts of the organization that are invited (or about
// to be) without a number. Every invitation must be able to end with a number, so it never goes below 0.
import { sql } from 'kysely';
import { toCount } from '../db/values';
import type { Db } from './organization-context';

/**
 * Accounts that hold an invitation but no number: they will pick an Available number at
 * onboarding. A suspended account keeps its invitation (it may be unsuspended), so it still counts.
 */
function waitingForNumber(db: Db, organizationIds: readonly string[]) {
  return db
    .selectFrom('accounts')
    .select(['organization_id', sql<number>`count(*)`.as('count')])
    .where('organization_id', 'in', organizationIds)
    .where('number', 'is', null)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['invited', 'invitation_failed']),
        eb.and([
          eb('status', '=', 'suspended'),
          eb('invited_at', 'is not', null),
          eb('activated_at', 'is', null),
        ]),
      ]),
    )
    .groupBy('organization_id');
}

/** Capacity of each organization (batch form used by the organizations list). */
export async function computeCapacities(
  db: Db,
  organizationIds: readonly string[],
): Promise<Map<string, number>> {
  const capacities = new Map<string, number>(organizationIds.map((id) => [id, 0]));
  if (organizationIds.length === 0) return capacities;
  // Chunked so a very large subtree stays under SQLite's bound-parameter limit.
  for (let start = 0; start < organizationIds.length; start += 500) {
    const ids = organizationIds.slice(start, start + 500);
    const available = await db
      .selectFrom('numbers')
      .select(['organization_id', sql<number>`count(*)`.as('count')])
      .where('organization_id', 'in', ids)
      .where('state', '=', 'available')
      .groupBy('organization_id')
      .execute();
    const waiting = await waitingForNumber(db, ids).execute();
    for (const row of available) {
      capacities.set(
        row.organization_id,
        (capacities.get(row.organization_id) ?? 0) + toCount(row.count),
      );
    }
    for (const row of waiting) {
      capacities.set(
        row.organization_id,
        (capacities.get(row.organization_id) ?? 0) - toCount(row.count),
      );
    }
  }
  return capacities;
}

/** Capacity of one organization. */
export async function computeCapacity(db: Db, organizationId: string): Promise<number> {
  return (await computeCapacities(db, [organizationId])).get(organizationId) ?? 0;
}

/** True when an account in this state counts against its organization's capacity. */
export function countsAgainstCapacity(account: {
  number: string | null;
  status: string;
  invited_at: string | null;
  activated_at: string | null;
}): boolean {
  if (account.number !== null) return false;
  if (account.status === 'invited' || account.status === 'invitation_failed') return true;
  return (
    account.status === 'suspended' && account.invited_at !== null && account.activated_at === null
  );
}
