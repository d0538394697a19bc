// Opens an import job for an organization in the caller's subtree, with the job's profile resolved
// now (absent or null = the organization's default), so every chunk uses the same one.
import type { Kysely } from 'kysely';
import type { CreateImportBody, ImportJob } from '../../../common/api/imports';
import type { Database } from '../../db/schema';
import type { ImportJobsTable } from '../../db/schema-imports';
import { flag, isoNow, newId } from '../../db/values';
import type { AccountsContext } from '../accounts/account-context';
import { validationFailure } from '../accounts/account-rules';
import { recordAudit } from '../audit/record-audit';
import { defaultProfileFor, findVisibleProfile } from '../organization-context';
import { organizationInScope } from '../scope';
import { success, type Outcome } from '../outcome';
import { importsDb, toImportJob } from './import-job';

export async function createImportJob(
  trx: Kysely<Database>,
  context: AccountsContext,
  administratorId: string,
  body: CreateImportBody,
): Promise<Outcome<ImportJob>> {
  const organizationFound = await organizationInScope(trx, context.scope, body.organizationId);
  if (!organizationFound.ok) return organizationFound;
  const organization = organizationFound.value;
  let profileId: string | null;
  if (body.permissionProfileId) {
    const profile = await findVisibleProfile(trx, organization, body.permissionProfileId);
    if (!profile) {
      return validationFailure({
        permissionProfileId: 'That permission profile is not available in this organization.',
      });
    }
    profileId = profile.id;
  } else {
    profileId = await defaultProfileFor(trx, organization);
  }
  const now = isoNow(context.invitation.now);
  const row: ImportJobsTable = {
    id: newId(),
    organization_id: organization.id,
    root_organization_id: organization.root_id,
    administrator_id: administratorId,
    status: 'open',
    invite: flag(body.invite),
    file_name: body.fileName,
    row_count: body.rowCount,
    applications: JSON.stringify(body.applications),
    permission_profile_id: profileId,
    created_count: 0,
    invalid_count: 0,
    duplicate_count: 0,
    invited_count: 0,
    chunks_received: 0,
    created_at: now,
    updated_at: now,
    completed_at: null,
  };
  await importsDb(trx).insertInto('import_jobs').values(row).execute();
  await recordAudit(trx, {
    actor: context.actor,
    action: 'import.created',
    targetType: 'import',
    targetId: row.id,
    organizationId: organization.id,
    details: { fileName: row.file_name, rowCount: row.row_count, invite: body.invite },
  });
  return success(toImportJob(row));
}
