// The organizations list: the caller's subtree, flat (depth, then name), searched by name or id,
// with number counts and capacity.
import type { Kysely } from 'kysely';
import type { Organization, OrganizationListQuery } from '../../../common/api/organizations';
import type { Paged } from '../../../common/api/paging';
import type { Database } from '../../db/schema';
import { containsIgnoringCase } from '../../db/contains';
import { paginate } from '../paging';
import { inSubtree, type Scope } from '../scope';
import { toOrganizations } from './organization-view';

/** One page of the organizations inside the scope. */
export async function listOrganizations(
  db: Kysely<Database>,
  scope: Scope,
  query: OrganizationListQuery,
): Promise<Paged<Organization>> {
  let rows = inSubtree(db.selectFrom('organizations').selectAll(), 'path', scope);
  const q = query.q?.trim();
  if (q) {
    rows = rows.where((eb) =>
      eb.or([containsIgnoringCase('name', q.toLowerCase()), eb('id', '=', q)]),
    );
  }
  const page = await paginate(
    rows.orderBy('depth').orderBy('name').orderBy('id'),
    query,
    (row) => row,
  );
  return { ...page, items: await toOrganizations(db, page.items) };
}
