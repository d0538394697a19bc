// Permission profiles visible to an organization: its own and those inherited from its ancestors
// (nearest first), and creating new ones with names unique along the inheritance line.
import type { Kysely } from 'kysely';
import type { Paged } from '../../../common/api/paging';
import {
  permissionSettingsSchema,
  type CreatePermissionProfile,
  type PermissionProfile,
  type PermissionProfileListQuery,
} from '../../../common/api/permission-profiles';
import type { Database, OrganizationRow, PermissionProfileRow } from '../../db/schema';
import { isSet, isUniqueViolation, newId, parseJson } from '../../db/values';
import { type Actor, recordAudit } from '../audit/record-audit';
import { failure, type Failure, success, type Outcome } from '../outcome';
import { pageOf } from '../paging';
import { inSubtree, lineage, organizationInScope, type Scope } from '../scope';

export function toPermissionProfile(
  row: PermissionProfileRow,
  askedOrganizationId: string | null,
  askedPath: string | null,
): PermissionProfile {
  const settings = permissionSettingsSchema.safeParse(parseJson<unknown>(row.settings, {}));
  const inherited =
    askedOrganizationId !== null &&
    row.organization_id !== askedOrganizationId &&
    askedPath !== null &&
    lineage(askedPath).includes(row.organization_id);
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    settings: settings.success ? settings.data : permissionSettingsSchema.parse({}),
    isDefault: isSet(row.is_default),
    inherited,
    createdAt: row.created_at,
  };
}

/** Profiles an organization can use: its own first, then each ancestor's, nearest first. */
export async function visibleProfiles(
  db: Kysely<Database>,
  organization: Pick<OrganizationRow, 'path'>,
): Promise<PermissionProfileRow[]> {
  const line = lineage(organization).reverse();
  if (line.length === 0) return [];
  const rows = await db
    .selectFrom('permission_profiles')
    .selectAll()
    .where('organization_id', 'in', line)
    .execute();
  const rank = new Map(line.map((id, index) => [id, index]));
  return rows.sort(
    (a, b) =>
      (rank.get(a.organization_id) ?? 0) - (rank.get(b.organization_id) ?? 0) ||
      Number(b.is_default) - Number(a.is_default) ||
      a.name.localeCompare(b.name),
  );
}

/** The organization's own default profile ("Default User Permissions (Default)"). */
export async function defaultProfileOf(
  db: Kysely<Database>,
  organizationId: string,
): Promise<PermissionProfileRow | undefined> {
  return db
    .selectFrom('permission_profiles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
}

/**
 * With organizationId: the profiles that organization can use (NOT_FOUND outside the scope).
 * Without: the whole subtree — what the scope's organization inherits, then every profile below.
 */
export async function listPermissionProfiles(
  db: Kysely<Database>,
  scope: Scope,
  query: PermissionProfileListQuery,
): Promise<Outcome<Paged<PermissionProfile>>> {
  if (query.organizationId !== undefined) {
    const found = await organizationInScope(db, scope, query.organizationId);
    if (!found.ok) return found;
    const organization = found.value;
    const rows = await visibleProfiles(db, organization);
    return success(
      pageOf(
        rows.map((row) => toPermissionProfile(row, organization.id, organization.path)),
        query,
      ),
    );
  }
  const inheritedAndOwn = await visibleProfiles(db, scope);
  const below = await inSubtree(
    db
      .selectFrom('permission_profiles as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .selectAll('p'),
    'o.path',
    scope,
    { belowOnly: true },
  )
    .orderBy('o.depth')
    .orderBy('o.name')
    .orderBy('p.is_default', 'desc')
    .orderBy('p.name')
    .execute();
  return success(
    pageOf(
      [...inheritedAndOwn, ...below].map((row) =>
        toPermissionProfile(row, scope.organizationId, scope.path),
      ),
      query,
    ),
  );
}

const nameTaken = (name: string): Failure =>
  failure(
    'PROFILE_NAME_EXISTS',
    `A permission profile named "${name}" is already available to this organization.`,
    { fields: { name: 'This name is already used by this organization or one above it.' } },
  );

/**
 * Setup creates a profile for an organization in the scope; its name must not be used by the
 * organization or any ancestor (PROFILE_NAME_EXISTS). Call inside a transaction (inTransaction).
 */
export async function createPermissionProfile(
  db: Kysely<Database>,
  scope: Scope,
  actor: Actor,
  input: CreatePermissionProfile,
  now: Date,
): Promise<Outcome<PermissionProfile>> {
  const found = await organizationInScope(db, scope, input.organizationId);
  if (!found.ok) return found;
  const organization = found.value;
  const { name, settings } = input;
  const visible = await visibleProfiles(db, organization);
  if (visible.some((profile) => profile.name.toLowerCase() === name.toLowerCase())) {
    return nameTaken(name);
  }
  const row = {
    id: newId(),
    organization_id: organization.id,
    name,
    settings: JSON.stringify(settings),
    is_default: 0 as const,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  try {
    await db.insertInto('permission_profiles').values(row).execute();
  } catch (error) {
    // The same name created a moment ago by a concurrent request (the transaction rolls back).
    if (isUniqueViolation(error)) return nameTaken(name);
    throw error;
  }
  await recordAudit(db, {
    actor,
    organizationId: organization.id,
    action: 'permission_profile.created',
    targetType: 'permission_profile',
    targetId: row.id,
    details: { name, settings },
    at: now,
  });
  return success(toPermissionProfile(row, organization.id, organization.path));
}
