// /api/v1/outbox: every invitation message with its delivery state, oldest first.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOutboxQuerySchema, outboxPageSchema } from '../../common/api/outbox';
import { toOutboxMessage } from '../domain/outbox/enqueue';
import { accountsContextOf } from '../domain/outcome-http';
import { authenticate, signedIn } from '../http/auth';
import { paginate } from '../http/paging';

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
    async (request) => {
      const { scope } = accountsContextOf(request);
      // An administrator's invitation carries a temporary password: only those who manage
      // administrators see it.
      const seesAdministrators = signedIn(request).privileges.includes('administrators');
      let query = db
        .selectFrom('outbox_messages')
        .innerJoin('organizations', 'organizations.id', 'outbox_messages.organization_id')
        .selectAll('outbox_messages')
        .where('organizations.path', 'like', `${scope.path}%`);
      if (!seesAdministrators) query = query.where('outbox_messages.administrator_id', 'is', null);
      if (request.query.accountId !== undefined) {
        query = query.where('outbox_messages.account_id', '=', request.query.accountId);
      }
      return paginate(query.orderBy('outbox_messages.seq'), request.query, toOutboxMessage);
    },
  );
};
