// An organization's settings (invitation expiry, single-use invitations, allowed email domains,
// maximum lines, follow-up days): read within the caller's scope, changed (audited).
import type {
  OrganizationSettings,
  UpdateOrganizationSettings,
} from '../../../common/api/settings';
import { flag } from '../../db/values';
import { type Actor, recordAudit } from '../audit/record-audit';
import { toOrganizationSettings, type Db } from '../organization-context';
import { notFoundFailure, success, type Outcome } from '../outcome';
import { organizationInScope, type Scope } from '../scope';

async function ownSettings(db: Db, organizationId: string): Promise<Outcome<OrganizationSettings>> {
  const row = await db
    .selectFrom('organization_settings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return notFoundFailure('The settings of that organization');
  return success(toOrganizationSettings(row));
}

/** The organization's own settings; NOT_FOUND outside the scope. */
export async function readOrganizationSettings(
  db: Db,
  scope: Scope,
  organizationId: string,
): Promise<Outcome<OrganizationSettings>> {
  const organization = await organizationInScope(db, scope, organizationId);
  return organization.ok ? ownSettings(db, organization.value.id) : organization;
}

/** Changes the settings given in `change`. Call inside a transaction (inTransaction). */
export async function changeOrganizationSettings(
  db: Db,
  scope: Scope,
  actor: Actor,
  organizationId: string,
  change: UpdateOrganizationSettings,
  now: Date,
): Promise<Outcome<OrganizationSettings>> {
  const found = await organizationInScope(db, scope, organizationId);
  if (!found.ok) return found;
  const organization = found.value;
  await db
    .updateTable('organization_settings')
    .set({
      ...(change.invitationExpiryDays !== undefined && {
        invitation_expiry_days: change.invitationExpiryDays,
      }),
      ...(change.singleUseInvitations !== undefined && {
        single_use_invitations: flag(change.singleUseInvitations),
      }),
      ...(change.allowedEmailDomains !== undefined && {
        allowed_email_domains: JSON.stringify([...new Set(change.allowedEmailDomains)]),
      }),
      ...(change.maxLinesAllowed !== undefined && { max_lines_allowed: change.maxLinesAllowed }),
      ...(change.followUpDays !== undefined && { follow_up_days: change.followUpDays }),
      updated_at: now.toISOString(),
    })
    .where('organization_id', '=', organization.id)
    .execute();
  await recordAudit(db, {
    actor,
    organizationId: organization.id,
    action: 'organization.settings_changed',
    targetType: 'organization',
    targetId: organization.id,
    details: { ...change },
    at: now,
  });
  return ownSettings(db, organization.id);
}
