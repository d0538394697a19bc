// Which organizations a report covers, as a list of ids: the caller's subtree, or one organization
// (with its sub-organizations on request); 404 outside the subtree (through the scope module).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SignedInAdministrator } from './auth';
import { listScope, organizationInScope } from '../domain/scope';
import { scopeOf, valueOrThrow } from './outcome-reply';

export interface ReportScope {
  organizationIds: string[];
  /** The organization the report is about (settings such as followUpDays come from it). */
  organizationPath: string;
}

/** The organizations of a report's scope. */
export async function reportScope(
  db: Kysely<Database>,
  administrator: SignedInAdministrator,
  organizationId: string | undefined,
  includeSubOrganizations = false,
): Promise<ReportScope> {
  const scope = scopeOf(administrator);
  const ids = valueOrThrow(await listScope(db, scope, organizationId, includeSubOrganizations));
  const organizationPath =
    organizationId === undefined
      ? administrator.organizationPath
      : valueOrThrow(await organizationInScope(db, scope, organizationId)).path;
  return {
    organizationIds: (await ids.execute()).map((row) => row.id),
    organizationPath,
  };
}
