// /api/v1/organizations/{id}/invitation-template: the email and SMS texts of invitations with
// {{firstName}} {{username}} {{password}} {{activationLink}} (read: any; replace: Setup).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invitationTemplateSchema } from '../../common/api/invitation-template';
import { idParamsSchema } from '../../common/api/paging';
import { recordAudit } from '../domain/audit/record-audit';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { notFound } from '../http/errors';
import { organizationInScope } from '../domain/scope';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';

export const invitationTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  async function readTemplate(organizationId: string) {
    const row = await db
      .selectFrom('invitation_templates')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!row) throw notFound('The invitation template of that organization');
    return { emailSubject: row.email_subject, emailBody: row.email_body, smsBody: row.sms_body };
  }

  app.get(
    '/organizations/:id/invitation-template',
    {
      onRequest: authenticate,
      schema: {
        tags: ['setup'],
        summary: 'An organization’s invitation template',
        params: idParamsSchema,
        response: { 200: invitationTemplateSchema },
      },
    },
    async (request) => {
      const organization = valueOrThrow(
        await organizationInScope(db, scopeOf(signedIn(request)), request.params.id),
      );
      return readTemplate(organization.id);
    },
  );

  app.put(
    '/organizations/:id/invitation-template',
    {
      onRequest: requirePrivilege('setup'),
      schema: {
        tags: ['setup'],
        summary: 'Replace an organization’s invitation template',
        params: idParamsSchema,
        body: invitationTemplateSchema,
        response: { 200: invitationTemplateSchema },
      },
    },
    async (request) => {
      const administrator = signedIn(request);
      const organization = valueOrThrow(
        await organizationInScope(db, scopeOf(administrator), request.params.id),
      );
      const now = app.deps.now();
      const { emailSubject, emailBody, smsBody } = request.body;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('invitation_templates')
          .values({
            organization_id: organization.id,
            email_subject: emailSubject,
            email_body: emailBody,
            sms_body: smsBody,
            updated_at: now.toISOString(),
          })
          .onConflict((oc) =>
            oc.column('organization_id').doUpdateSet({
              email_subject: emailSubject,
              email_body: emailBody,
              sms_body: smsBody,
              updated_at: now.toISOString(),
            }),
          )
          .execute();
        await recordAudit(trx, {
          actor: administrator,
          organizationId: organization.id,
          action: 'organization.invitation_template_changed',
          targetType: 'organization',
          targetId: organization.id,
          at: now,
        });
      });
      return readTemplate(organization.id);
    },
  );
};
