// The organization subtree rule: an administrator acts on their organization and everything
// below it. Ids outside answer 404 (existence is not leaked).
import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../db/schema';
import type { SignedInAdministrator } from './auth';
import { notFound } from './errors';

/** Is `path` (an organization's materialised path) inside the subtree rooted at `ancestorPath`? */
export function isPathWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** The organization if it is in the administrator's subtree, else 404 NOT_FOUND. */
export async function organizationInScope(
  db: Kysely<Database>,
  administrator: SignedInAdministrator,
  organizationId: string,
): Promise<OrganizationRow> {
  const organization = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!organization || !isPathWithin(organization.path, administrator.organizationPath)) {
    throw notFound('That organization');
  }
  return organization;
}

/** True when the organization exists and is in the administrator's subtree. */
export async function isOrganizationInScope(
  db: Kysely<Database>,
  administrator: SignedInAdministrator,
  organizationId: string,
): Promise<boolean> {
  const organization = await db
    .selectFrom('organizations')
    .select('path')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return !!organization && isPathWithin(organization.path, administrator.organizationPath);
}

/**
 * A subquery of the ids of the organization with materialised `path` and all below it, for
 * `.where('organization_id', 'in', subtreeIds(db, path))`.
 */
export function subtreeIds(db: Kysely<Database>, path: string) {
  return db
    .selectFrom('organizations')
    .select('organizations.id')
    .where('path', 'like', `${path}%`);
}

/**
 * Which organizations a list covers (api.md), as a subquery of ids for
 * `.where('organization_id', 'in', await listScope(...))`: no organizationId → the caller's whole
 * subtree; with one → only it, or its subtree with includeSubOrganizations. 404 when outside.
 */
export async function listScope(
  db: Kysely<Database>,
  administrator: SignedInAdministrator,
  organizationId: string | undefined,
  includeSubOrganizations = false,
) {
  if (organizationId === undefined) return subtreeIds(db, administrator.organizationPath);
  const organization = await organizationInScope(db, administrator, organizationId);
  return includeSubOrganizations
    ? subtreeIds(db, organization.path)
    : db.selectFrom('organizations').select('organizations.id').where('id', '=', organization.id);
}

/** The ancestors of an organization (itself first, the root last), from its materialised path. */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean).reverse();
}
