// Number assignments of an import chunk in a few statements: each number goes to its new account
// only if it is still Available or Reserved and unassigned (the same condition as takeNumber).
import { sql } from 'kysely';
import { isoNow } from '../../db/values';
import type { Db } from '../organization-context';

/** Assigns the numbers; answers the numbers that were no longer free (taken a moment ago). */
export async function assignChunkNumbers(
  db: Db,
  organizationId: string,
  assignments: readonly { number: string; accountId: string }[],
  now: Date,
): Promise<Set<string>> {
  const lost = new Set(assignments.map((a) => a.number));
  for (let start = 0; start < assignments.length; start += 500) {
    const part = assignments.slice(start, start + 500);
    const accountOf = sql<string>`case number ${sql.join(
      part.map((a) => sql`when ${a.number} then ${a.accountId}`),
      sql` `,
    )} end`;
    const updated = await db
      .updateTable('numbers')
      .set({ state: 'assigned', account_id: accountOf, updated_at: isoNow(now) })
      .where('organization_id', '=', organizationId)
      .where(
        'number',
        'in',
        part.map((a) => a.number),
      )
      .where('state', 'in', ['available', 'reserved'])
      .where('account_id', 'is', null)
      .returning('number')
      .execute();
    for (const row of updated) lost.delete(row.number);
  }
  return lost;
}
