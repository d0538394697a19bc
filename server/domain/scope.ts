// The tenant rule, in one place: an administrator acts on their organization and everything below
// it (its subtree, found by the materialised `path` prefix). Ids outside answer NOT_FOUND, exactly
// like ids that do not exist, so the existence of another organization's data is never leaked.
import { sql, type SelectQueryBuilder, type StringReference } from 'kysely';
import type { OrganizationRow } from '../db/schema';
import type { Db } from './organization-context';
import { notFoundFailure, success, type Outcome } from './outcome';

/** The caller's reach: an organization and everything below it (its materialised path). */
export interface Scope {
  organizationId: string;
  path: string;
}

/** An administrator's reach: their organization and everything below it. */
export function scopeOf(administrator: {
  organizationId: string;
  organizationPath: string;
}): Scope {
  return { organizationId: administrator.organizationId, path: administrator.organizationPath };
}

/** An organization given by its materialised path, or anything that carries one. */
export type OrganizationPath = string | Pick<OrganizationRow, 'path'> | Scope;

function pathOf(organization: OrganizationPath): string {
  return typeof organization === 'string' ? organization : organization.path;
}

/** Is `path` (an organization's materialised path) inside the subtree rooted at `ancestor`? */
export function isPathWithin(path: string, ancestor: OrganizationPath): boolean {
  return path.startsWith(pathOf(ancestor));
}

/** Is the organization inside the scope? */
export function inScope(scope: Scope, organization: Pick<OrganizationRow, 'path'>): boolean {
  return isPathWithin(organization.path, scope);
}

/**
 * Restricts a query to rows whose `column` (an organizations.path) lies in the subtree of
 * `organization`; with `belowOnly`, the organization itself is left out (its descendants only).
 * The one way to write the tenant rule in SQL.
 */
export function inSubtree<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: StringReference<DB, TB>,
  organization: OrganizationPath,
  options: { belowOnly?: boolean } = {},
): SelectQueryBuilder<DB, TB, O> {
  const pattern = `${pathOf(organization)}${options.belowOnly ? '_' : ''}%`;
  return query.where(sql<boolean>`${sql.ref(column)} like ${pattern}`);
}

/**
 * A subquery of the ids of the organization and all below it, for
 * `.where('organization_id', 'in', subtreeIds(db, organization))`.
 */
export function subtreeIds(db: Db, organization: OrganizationPath) {
  return inSubtree(
    db.selectFrom('organizations').select('organizations.id'),
    'organizations.path',
    organization,
  );
}

/** The organization when it exists inside the scope, else NOT_FOUND. */
export async function organizationInScope(
  db: Db,
  scope: Scope,
  organizationId: string,
): Promise<Outcome<OrganizationRow>> {
  const organization = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return organization && inScope(scope, organization)
    ? success(organization)
    : notFoundFailure('That organization');
}

/**
 * Which organizations a list covers (api.md), as a subquery of ids for
 * `.where('organization_id', 'in', ...)`: no organizationId → the caller's whole subtree; with one
 * → only it, or its subtree with includeSubOrganizations. NOT_FOUND when outside.
 */
export async function listScope(
  db: Db,
  scope: Scope,
  {
    organizationId,
    includeSubOrganizations = false,
  }: { organizationId?: string | undefined; includeSubOrganizations?: boolean | undefined },
) {
  if (organizationId === undefined) return success(subtreeIds(db, scope));
  const found = await organizationInScope(db, scope, organizationId);
  if (!found.ok) return found;
  return success(
    includeSubOrganizations
      ? subtreeIds(db, found.value)
      : db.selectFrom('organizations').select('organizations.id').where('id', '=', found.value.id),
  );
}

/** Ids from the root down to the organization itself, read from its path. */
export function lineage(organization: OrganizationPath): string[] {
  return pathOf(organization).split('/').filter(Boolean);
}
