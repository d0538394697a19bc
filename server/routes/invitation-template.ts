// /api/v1/organizations/{id}/invitation-template: the email and SMS texts of invitations with
// {{firstName}} {{username}} {{password}} {{activationLink}} (read: any; replace: Setup).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invitationTemplateSchema } from '../../common/api/invitation-template';
import { idParamsSchema } from '../../common/api/paging';
import {
  readInvitationTemplate,
  replaceInvitationTemplate,
} from '../domain/organizations/invitation-template';
import { inTransaction } from '../domain/transaction';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';

export const invitationTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

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
    async (request) =>
      valueOrThrow(await readInvitationTemplate(db, scopeOf(signedIn(request)), request.params.id)),
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
      return valueOrThrow(
        await inTransaction(db, (trx) =>
          replaceInvitationTemplate(
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
