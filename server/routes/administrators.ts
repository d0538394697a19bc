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
import { listAdministrators } from '../domain/administrators/list-administrators';
import {
  createAdministrator,
  deleteAdministrator,
  resendAdministratorInvitations,
  resetAdministratorPassword,
  updateAdministrator,
} from '../domain/administrators/manage-administrators';
import { inTransaction } from '../domain/transaction';
import { requirePrivilege, signedIn } from '../http/auth';
import { replyWithOutcome, scopeOf, valueOrThrow } from '../http/outcome-reply';

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
    async (request) =>
      valueOrThrow(await listAdministrators(db, scopeOf(signedIn(request)), request.query)),
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
      return replyWithOutcome(request, reply, 201, (trx) =>
        createAdministrator(app.deps, trx, actor, request.body),
      );
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
    async (request) => {
      const actor = signedIn(request);
      return valueOrThrow(
        await inTransaction(db, (trx) =>
          updateAdministrator(app.deps, trx, actor, request.params.id, request.body),
        ),
      );
    },
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
    async (request) => {
      const actor = signedIn(request);
      return valueOrThrow(
        await inTransaction(db, (trx) =>
          deleteAdministrator(app.deps, trx, actor, request.params.id),
        ),
      );
    },
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
      return replyWithOutcome(request, reply, 200, (trx) =>
        resendAdministratorInvitations(app.deps, trx, actor, request.body.administratorIds),
      );
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
      return replyWithOutcome(request, reply, 200, (trx) =>
        resetAdministratorPassword(app.deps, trx, actor, request.params.id),
      );
    },
  );
};
