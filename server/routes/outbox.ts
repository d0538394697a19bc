// /api/v1/outbox: invitation messages with their delivery state, oldest first — account messages
// for the Accounts privilege, administrator invitations for those who may act on that
// administrator; passwords no longer needed read `[removed]`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOutboxQuerySchema, outboxPageSchema } from '../../common/api/outbox';
import { listOutbox } from '../domain/outbox/list-outbox';
import { authenticate, signedIn } from '../http/auth';
import { valueOrThrow } from '../http/outcome-reply';

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/outbox',
    {
      onRequest: authenticate,
      schema: {
        tags: ['outbox'],
        summary: 'Invitation messages with their delivery state, oldest first',
        querystring: listOutboxQuerySchema,
        response: { 200: outboxPageSchema },
      },
    },
    async (request) =>
      valueOrThrow(await listOutbox(db, signedIn(request), request.query, app.deps.now())),
  );
};
