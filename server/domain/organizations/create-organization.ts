// Creating an organization: its place in the tree, and what every organization starts with
// (settings and invitation template copied from the parent, its own default permission profile);
// Setup's sub-organizations, inside the caller's scope and audited.
import type { Kysely } from 'kysely';
import {
  defaultInvitationTemplate,
  type InvitationTemplate,
} from '../../../common/api/invitation-template';
import {
  defaultPermissionSettings,
  defaultProfileName,
} from '../../../common/api/permission-profiles';
import type { Organization } from '../../../common/api/organizations';
import { defaultOrganizationSettings } from '../../../common/api/settings';
import type { Database, OrganizationRow } from '../../db/schema';
import { flag, isUniqueViolation, newId } from '../../db/values';
import { type Actor, recordAudit } from '../audit/record-audit';
import { failure, type Failure, notFoundFailure, success, type Outcome } from '../outcome';
import { organizationInScope, type Scope } from '../scope';
import { toOrganizations } from './organization-view';

export interface NewOrganization {
  name: string;
  parent: OrganizationRow | null;
  now: Date;
  /** Optional fixed id (demo seed); a new UUID otherwise. */
  id?: string;
}

async function parentTemplate(
  trx: Kysely<Database>,
  parentId: string | undefined,
): Promise<InvitationTemplate> {
  if (!parentId) return defaultInvitationTemplate;
  const row = await trx
    .selectFrom('invitation_templates')
    .selectAll()
    .where('organization_id', '=', parentId)
    .executeTakeFirst();
  return row
    ? { emailSubject: row.email_subject, emailBody: row.email_body, smsBody: row.sms_body }
    : defaultInvitationTemplate;
}

/**
 * Creates the organization with its settings, template and default profile; ORGANIZATION_NAME_EXISTS
 * when a sibling has its name. Call inside a transaction (inTransaction).
 */
export async function createOrganization(
  trx: Kysely<Database>,
  input: NewOrganization,
): Promise<Outcome<OrganizationRow>> {
  const id = input.id ?? newId();
  const now = input.now.toISOString();
  const { parent } = input;
  const row: OrganizationRow = {
    id,
    name: input.name,
    parent_id: parent?.id ?? null,
    root_id: parent?.root_id ?? id,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    created_at: now,
    updated_at: now,
  };
  if (parent) {
    // Checked first so that PostgreSQL's transaction is not aborted by a constraint error.
    const sibling = await trx
      .selectFrom('organizations')
      .select('id')
      .where('parent_id', '=', parent.id)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (sibling) return nameTaken(input.name);
  }
  try {
    await trx.insertInto('organizations').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error, 'name')) return nameTaken(input.name);
    throw error;
  }

  const settings = parent
    ? await trx
        .selectFrom('organization_settings')
        .selectAll()
        .where('organization_id', '=', parent.id)
        .executeTakeFirst()
    : undefined;
  await trx
    .insertInto('organization_settings')
    .values({
      organization_id: id,
      invitation_expiry_days:
        settings?.invitation_expiry_days ?? defaultOrganizationSettings.invitationExpiryDays,
      single_use_invitations:
        settings?.single_use_invitations ?? flag(defaultOrganizationSettings.singleUseInvitations),
      allowed_email_domains:
        settings?.allowed_email_domains ??
        JSON.stringify(defaultOrganizationSettings.allowedEmailDomains),
      max_lines_allowed: settings?.max_lines_allowed ?? defaultOrganizationSettings.maxLinesAllowed,
      follow_up_days: settings?.follow_up_days ?? defaultOrganizationSettings.followUpDays,
      updated_at: now,
    })
    .execute();

  const template = await parentTemplate(trx, parent?.id);
  await trx
    .insertInto('invitation_templates')
    .values({
      organization_id: id,
      email_subject: template.emailSubject,
      email_body: template.emailBody,
      sms_body: template.smsBody,
      updated_at: now,
    })
    .execute();

  await trx
    .insertInto('permission_profiles')
    .values({
      id: newId(),
      organization_id: id,
      name: defaultProfileName,
      settings: JSON.stringify(defaultPermissionSettings),
      is_default: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return success(row);
}

/**
 * Setup creates a sub-organization of `parentId` (inside the scope, else NOT_FOUND), audited, and
 * answers it as the API shows it. Call inside a transaction (inTransaction).
 */
export async function createSubOrganization(
  trx: Kysely<Database>,
  scope: Scope,
  actor: Actor,
  input: { name: string; parentId: string },
  now: Date,
): Promise<Outcome<Organization>> {
  const parent = await organizationInScope(trx, scope, input.parentId);
  if (!parent.ok) return parent;
  const created = await createOrganization(trx, { name: input.name, parent: parent.value, now });
  if (!created.ok) return created;
  const organization = created.value;
  await recordAudit(trx, {
    actor,
    organizationId: organization.id,
    action: 'organization.created',
    targetType: 'organization',
    targetId: organization.id,
    details: { name: organization.name, parentId: parent.value.id },
    at: now,
  });
  const [view] = await toOrganizations(trx, [organization]);
  return view ? success(view) : notFoundFailure('The new organization');
}

function nameTaken(name: string): Failure {
  return failure(
    'ORGANIZATION_NAME_EXISTS',
    `There is already an organization named "${name}" at this level.`,
    { fields: { name: 'This name is already used at this level.' } },
  );
}
