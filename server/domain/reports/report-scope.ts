// Which organizations a report covers, as a list of ids: the caller's subtree, or one organization
// (with its sub-organizations on request); NOT_FOUND outside the scope (through the scope module).
import type { Db } from '../organization-context';
import { success, type Outcome } from '../outcome';
import { listScope, organizationInScope, type Scope } from '../scope';

/** The organizations a report covers, and the one it is about. */
export interface ReportScope {
  organizationIds: string[];
  /** The organization the report is about (settings such as followUpDays come from it). */
  organizationPath: string;
}

/** The organizations of a report's scope. */
export async function reportScope(
  db: Db,
  scope: Scope,
  organizationId: string | undefined,
  includeSubOrganizations = false,
): Promise<Outcome<ReportScope>> {
  const ids = await listScope(db, scope, { organizationId, includeSubOrganizations });
  if (!ids.ok) return ids;
  let organizationPath = scope.path;
  if (organizationId !== undefined) {
    const organization = await organizationInScope(db, scope, organizationId);
    if (!organization.ok) return organization;
    organizationPath = organization.value.path;
  }
  return success({
    organizationIds: (await ids.value.execute()).map((row) => row.id),
    organizationPath,
  });
}
