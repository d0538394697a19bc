// /api/v1/organizations/{id}/settings: invitation expiry, single-use invitations, allowed email
// domains, maximum lines (read: any administrator of the subtree; change: Setup).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../common/api/paging';
import {
  organizationSettingsSchema,
  updateOrganizationSettingsSchema,
} from '../../common/api/settings';
import {
  changeOrganizationSettings,
  readOrganizationSettings,
} from '../domain/organizations/organization-settings';
import { inTransaction } from '../domain/transaction';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';

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
    async (request) =>
      valueOrThrow(
        await readOrganizationSettings(db, scopeOf(signedIn(request)), request.params.id),
      ),
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
      return valueOrThrow(
        await inTransaction(db, (trx) =>
          changeOrganizationSettings(
            trx,
            scopeOf(administrator),
            administrator,
            request.params.id,
            request.body,
            app.deps.now(),
          ),
        ),
      );
    },
  );
};
