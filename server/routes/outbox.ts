// /api/v1/outbox: invitation messages with their delivery state, oldest first — account messages
// for the Accounts privilege, administrator invitations for those who may act on that
// administrator; passwords no longer needed read `[removed]`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOutboxQuerySchema, outboxPageSchema } from '../../common/api/outbox';
import { toOutboxMessage } from '../domain/outbox/enqueue';
import { outboxVisibility } from '../domain/outbox/outbox-visibility';
import { removeSpentPasswords } from '../domain/outbox/spent-passwords';
import { valueOrThrow } from '../http/outcome-reply';
import { authenticate, signedIn } from '../http/auth';
import { paginate } from '../domain/paging';
import { inSubtree } from '../domain/scope';

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
      const reader = signedIn(request);
      const visible = valueOrThrow(await outboxVisibility(db, reader));
      // Expired invitations are noticed here; every other way a password is spent removes it at once.
      await removeSpentPasswords(db, app.deps.now());
      let query = inSubtree(
        db
          .selectFrom('outbox_messages')
          .innerJoin('organizations', 'organizations.id', 'outbox_messages.organization_id')
          .selectAll('outbox_messages'),
        'organizations.path',
        reader.organizationPath,
      ).where((eb) => {
        const shown = [];
        if (visible.accountMessages) shown.push(eb('outbox_messages.administrator_id', 'is', null));
        if (visible.administratorIds.length > 0) {
          shown.push(eb('outbox_messages.administrator_id', 'in', visible.administratorIds));
        }
        return shown.length > 0 ? eb.or(shown) : eb.lit(false);
      });
      if (request.query.accountId !== undefined) {
        query = query.where('outbox_messages.account_id', '=', request.query.accountId);
      }
      return paginate(query.orderBy('outbox_messages.seq'), request.query, toOutboxMessage);
    },
  );
};
