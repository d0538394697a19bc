// Permission profiles visible to an organization: its own and those inherited from its ancestors
// (nearest first), and creating new ones with names unique along the inheritance line.
import type { Kysely } from 'kysely';
import {
  permissionSettingsSchema,
  type PermissionProfile,
} from '../../../common/api/permission-profiles';
import type { Database, OrganizationRow, PermissionProfileRow } from '../../db/schema';
import { isSet, parseJson } from '../../db/values';
import { lineage } from '../scope';

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
