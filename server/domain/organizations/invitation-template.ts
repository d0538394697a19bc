// An organization's own invitation template (the email and SMS texts with {{firstName}}
// {{username}} {{password}} {{activationLink}}): read within the caller's scope, replaced (audited).
import type { InvitationTemplate } from '../../../common/api/invitation-template';
import { type Actor, recordAudit } from '../audit/record-audit';
import type { Db } from '../organization-context';
import { notFoundFailure, success, type Outcome } from '../outcome';
import { organizationInScope, type Scope } from '../scope';

async function ownTemplate(db: Db, organizationId: string): Promise<Outcome<InvitationTemplate>> {
  const row = await db
    .selectFrom('invitation_templates')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return notFoundFailure('The invitation template of that organization');
  return success({
    emailSubject: row.email_subject,
    emailBody: row.email_body,
    smsBody: row.sms_body,
  });
}

/** The organization's invitation template; NOT_FOUND outside the scope. */
export async function readInvitationTemplate(
  db: Db,
  scope: Scope,
  organizationId: string,
): Promise<Outcome<InvitationTemplate>> {
  const organization = await organizationInScope(db, scope, organizationId);
  return organization.ok ? ownTemplate(db, organization.value.id) : organization;
}

/** Replaces the organization's invitation template. Call inside a transaction (inTransaction). */
export async function replaceInvitationTemplate(
  db: Db,
  scope: Scope,
  actor: Actor,
  organizationId: string,
  template: InvitationTemplate,
  now: Date,
): Promise<Outcome<InvitationTemplate>> {
  const found = await organizationInScope(db, scope, organizationId);
  if (!found.ok) return found;
  const organization = found.value;
  const texts = {
    email_subject: template.emailSubject,
    email_body: template.emailBody,
    sms_body: template.smsBody,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('invitation_templates')
    .values({ organization_id: organization.id, ...texts })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(texts))
    .execute();
  await recordAudit(db, {
    actor,
    organizationId: organization.id,
    action: 'organization.invitation_template_changed',
    targetType: 'organization',
    targetId: organization.id,
    at: now,
  });
  return ownTemplate(db, organization.id);
}
