// Organizations as the API shows them: with number counts by state and onboarding capacity.
import type { Kysely } from 'kysely';
import type { NumberCounts, Organization } from '../../../common/api/organizations';
import type { Database, OrganizationRow } from '../../db/schema';
import { toCount } from '../../db/values';
import { computeCapacities } from '../capacity';

const emptyCounts = (): NumberCounts => ({ available: 0, reserved: 0, assigned: 0, registered: 0 });

/** Number counts of each organization (only its own pool, not its sub-organizations'). */
export async function numberCounts(
  db: Kysely<Database>,
  organizationIds: readonly string[],
): Promise<Map<string, NumberCounts>> {
  const counts = new Map(organizationIds.map((id) => [id, emptyCounts()]));
  for (let start = 0; start < organizationIds.length; start += 500) {
    const rows = await db
      .selectFrom('numbers')
      .select(['organization_id', 'state', (eb) => eb.fn.countAll().as('count')])
      .where('organization_id', 'in', organizationIds.slice(start, start + 500))
      .groupBy(['organization_id', 'state'])
      .execute();
    for (const row of rows) {
      const entry = counts.get(row.organization_id);
      if (entry) entry[row.state] = toCount(row.count);
    }
  }
  return counts;
}

/** The API view of organization rows, with counts and capacity loaded in two batch queries. */
export async function toOrganizations(
  db: Kysely<Database>,
  rows: OrganizationRow[],
): Promise<Organization[]> {
  const ids = rows.map((row) => row.id);
  const [counts, capacities] = await Promise.all([
    numberCounts(db, ids),
    computeCapacities(db, ids),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    numbers: counts.get(row.id) ?? emptyCounts(),
    capacity: capacities.get(row.id) ?? 0,
    createdAt: row.created_at,
  }));
}
