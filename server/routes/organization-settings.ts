// /api/v1/organizations/{id}/settings: invitation expiry, single-use invitations, allowed email
// domains, maximum lines (read: any administrator of the subtree; change: Setup).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../common/api/paging';
import {
  organizationSettingsSchema,
  updateOrganizationSettingsSchema,
  type OrganizationSettings,
} from '../../common/api/settings';
import type { Database } from '../db/schema';
import { flag, isSet, parseJson } from '../db/values';
import { recordAudit } from '../domain/audit/record-audit';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { notFound } from '../http/errors';
import { organizationInScope } from '../domain/scope';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';
import type { Kysely } from 'kysely';

async function readSettings(
  db: Kysely<Database>,
  organizationId: string,
): Promise<OrganizationSettings> {
  const row = await db
    .selectFrom('organization_settings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('The settings of that organization');
  return {
    invitationExpiryDays: row.invitation_expiry_days,
    singleUseInvitations: isSet(row.single_use_invitations),
    allowedEmailDomains: parseJson<string[]>(row.allowed_email_domains, []),
    maxLinesAllowed: row.max_lines_allowed,
    followUpDays: row.follow_up_days,
  };
}

export const organizationSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/organizations/:id/settings',
    {
      onRequest: authenticate,
      schema: {
        tags: ['setup'],
        summary: 'An organization’s settings',
        params: idParamsSchema,
        response: { 200: organizationSettingsSchema },
      },
    },
    async (request) => {
      const organization = valueOrThrow(
        await organizationInScope(db, scopeOf(signedIn(request)), request.params.id),
      );
      return readSettings(db, organization.id);
    },
  );

  app.patch(
    '/organizations/:id/settings',
    {
      onRequest: requirePrivilege('setup'),
      schema: {
        tags: ['setup'],
        summary: 'Change an organization’s settings',
        params: idParamsSchema,
        body: updateOrganizationSettingsSchema,
        response: { 200: organizationSettingsSchema },
      },
    },
    async (request) => {
      const administrator = signedIn(request);
      const organization = valueOrThrow(
        await organizationInScope(db, scopeOf(administrator), request.params.id),
      );
      const change = request.body;
      const now = app.deps.now();
      await db.transaction().execute(async (trx) => {
        await trx
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
            ...(change.maxLinesAllowed !== undefined && {
              max_lines_allowed: change.maxLinesAllowed,
            }),
            ...(change.followUpDays !== undefined && { follow_up_days: change.followUpDays }),
            updated_at: now.toISOString(),
          })
          .where('organization_id', '=', organization.id)
          .execute();
        await recordAudit(trx, {
          actor: administrator,
          organizationId: organization.id,
          action: 'organization.settings_changed',
          targetType: 'organization',
          targetId: organization.id,
          details: { ...change },
          at: now,
        });
      });
      return readSettings(db, organization.id);
    },
  );
};
