// /api/v1/administrators: list, invite, change, delete administrators; resend their invitations;
// reset a forgotten password.
// Everything here needs the Administrators privilege.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  administratorListQuerySchema,
  administratorPageSchema,
  administratorResultsSchema,
  administratorSchema,
  createAdministratorSchema,
  resendAdministratorInvitationSchema,
  updateAdministratorSchema,
} from '../../common/api/administrators';
import { idParamsSchema } from '../../common/api/paging';
import { containsIgnoringCase } from '../db/contains';
import { isUniqueViolation } from '../db/values';
import { toAdministrator } from '../domain/administrators/administrator-view';
import {
  administratorExists,
  createAdministrator,
  deleteAdministrator,
  resendAdministratorInvitations,
  resetAdministratorPassword,
  updateAdministrator,
} from '../domain/administrators/manage-administrators';
import { requirePrivilege, signedIn } from '../http/auth';
import { replyIdempotent } from '../http/idempotency';
import { paginate } from '../domain/paging';
import { listScope } from '../domain/scope';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';

export const administratorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const onRequest = requirePrivilege('administrators');
  const tags = ['administrators'];

  app.get(
    '/administrators',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Administrators of the subtree',
        querystring: administratorListQuerySchema,
        response: { 200: administratorPageSchema },
      },
    },
    async (request) => {
      const { organizationId, includeSubOrganizations, q } = request.query;
      const scope = valueOrThrow(
        await listScope(
          db,
          scopeOf(signedIn(request)),
          organizationId,
          includeSubOrganizations ?? false,
        ),
      );
      let query = db.selectFrom('administrators').selectAll().where('organization_id', 'in', scope);
      const text = q?.trim();
      if (text) {
        query = query.where((eb) =>
          eb.or([containsIgnoringCase('name', text), containsIgnoringCase('email', text)]),
        );
      }
      return paginate(query.orderBy('name').orderBy('email'), request.query, toAdministrator);
    },
  );

  app.post(
    '/administrators',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Create an administrator and email the temporary password',
        body: createAdministratorSchema,
        response: { 201: administratorSchema },
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      return replyIdempotent(request, reply, async (trx) => {
        const row = await createAdministrator(app.deps, trx, actor, request.body);
        return { statusCode: 201, body: toAdministrator(row) };
      }).catch((error: unknown) => {
        // Two identical invitations at the same moment: the second meets the unique email.
        if (isUniqueViolation(error, 'email')) throw administratorExists(request.body.email);
        throw error;
      });
    },
  );

  app.patch(
    '/administrators/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Change an administrator’s name, privileges or organization',
        params: idParamsSchema,
        body: updateAdministratorSchema,
        response: { 200: administratorSchema },
      },
    },
    async (request) =>
      toAdministrator(
        await updateAdministrator(app.deps, signedIn(request), request.params.id, request.body),
      ),
  );

  app.delete(
    '/administrators/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Delete an administrator (answers the deleted administrator)',
        params: idParamsSchema,
        response: { 200: administratorSchema },
      },
    },
    async (request) =>
      toAdministrator(await deleteAdministrator(app.deps, signedIn(request), request.params.id)),
  );

  app.post(
    '/administrators/resend-invitation',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Send new temporary passwords',
        body: resendAdministratorInvitationSchema,
        response: { 200: administratorResultsSchema },
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      return replyIdempotent(request, reply, async (trx) => ({
        statusCode: 200,
        body: await resendAdministratorInvitations(
          app.deps,
          trx,
          actor,
          request.body.administratorIds,
        ),
      }));
    },
  );

  app.post(
    '/administrators/:id/reset-password',
    {
      onRequest,
      schema: {
        tags,
        summary:
          'Reset a forgotten password: ends the old password and every session, emails a new temporary one',
        params: idParamsSchema,
        response: { 200: administratorSchema },
      },
    },
    async (request, reply) => {
      const actor = signedIn(request);
      return replyIdempotent(request, reply, async (trx) => ({
        statusCode: 200,
        body: toAdministrator(
          await resetAdministratorPassword(app.deps, trx, actor, request.params.id),
        ),
      }));
    },
  );
};
