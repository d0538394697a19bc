// Onboarding capacity: Available numbers − accounts of the organization that are invited (or about
// to be) without a number. Every invitation must be able to end with a number, so it never goes below 0.
import { batches } from '../db/batches';
import type { Db } from './organization-context';
import { poolMeasures } from './reports/report-counts';

/**
 * Capacity of each organization (batch form used by the organizations list). Available numbers and
 * accounts waiting for one — invited (or Invitation Failed) without a number, and suspended ones
 * that keep such an invitation (they may be unsuspended) — are the pool measures the database keeps
 * in report_counts in the same transaction as every change (migration 009, the cells of
 * countsAgainstCapacity): a few rows per organization instead of counting its accounts, which an
 * Import & Invite of 100,000 did again for every batch of 500.
 */
export async function computeCapacities(
  db: Db,
  organizationIds: readonly string[],
): Promise<Map<string, number>> {
  const capacities = new Map<string, number>(organizationIds.map((id) => [id, 0]));
  for (const ids of batches(organizationIds)) {
    for (const [organizationId, measures] of await poolMeasures(db, ids)) {
      capacities.set(
        organizationId,
        (measures.get('number_available') ?? 0) - (measures.get('waiting_for_number') ?? 0),
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
