// The signed-in administrator as GET /me shows them: privileges, organization name and whether a
// password change is still required.
import type { Kysely } from 'kysely';
import type { Me } from '../../../common/api/me';
import type { Database } from '../../db/schema';
import { isSet } from '../../db/values';
import { toAdministrator } from './administrator-view';

/** The administrator of a live session (authenticated, so the row exists). */
export async function me(db: Kysely<Database>, administratorId: string): Promise<Me> {
  const row = await db
    .selectFrom('administrators as a')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .selectAll('a')
    .select('o.name as organization_name')
    .where('a.id', '=', administratorId)
    .executeTakeFirstOrThrow();
  const { organization_name, ...administrator } = row;
  return {
    ...toAdministrator(administrator),
    organizationName: organization_name,
    passwordChangeRequired: isSet(administrator.password_change_required),
  };
}
