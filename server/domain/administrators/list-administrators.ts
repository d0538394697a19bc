// The administrators list: those of the caller's subtree (or of one organization, with its
// sub-organizations on request), searched by name or email.
import type { Kysely } from 'kysely';
import type { Administrator, AdministratorListQuery } from '../../../common/api/administrators';
import type { Paged } from '../../../common/api/paging';
import { containsIgnoringCase } from '../../db/contains';
import type { Database } from '../../db/schema';
import { success, type Outcome } from '../outcome';
import { paginate } from '../paging';
import { listScope, type Scope } from '../scope';
import { toAdministrator } from './administrator-view';

/** One page of administrators inside the scope; NOT_FOUND for an organization outside it. */
export async function listAdministrators(
  db: Kysely<Database>,
  scope: Scope,
  query: AdministratorListQuery,
): Promise<Outcome<Paged<Administrator>>> {
  const organizations = await listScope(db, scope, query);
  if (!organizations.ok) return organizations;
  let rows = db
    .selectFrom('administrators')
    .selectAll()
    .where('organization_id', 'in', organizations.value);
  const text = query.q?.trim();
  if (text) {
    rows = rows.where((eb) =>
      eb.or([containsIgnoringCase('name', text), containsIgnoringCase('email', text)]),
    );
  }
  return success(await paginate(rows.orderBy('name').orderBy('email'), query, toAdministrator));
}
