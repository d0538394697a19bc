// /api/v1/numbers: the number pool (list, add, change state/tag, allocate/withdraw).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addNumbersBodySchema,
  addNumbersResultSchema,
  listNumbersQuerySchema,
  numberPageSchema,
  numberSchema,
  patchNumberBodySchema,
} from '../../common/api/numbers';
import { addNumbers, listNumbers, patchNumber } from '../domain/numbers/number-pool';
import { accountsContextOf, replyWithOutcome, valueOrThrow } from '../http/outcome-reply';
import { success } from '../domain/outcome';
import { authenticate, requirePrivilege } from '../http/auth';

export const numberRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/numbers',
    {
      onRequest: authenticate,
      schema: {
        tags: ['numbers'],
        summary: 'Numbers of the pool, paged',
        querystring: listNumbersQuerySchema,
        response: { 200: numberPageSchema },
      },
    },
    async (request) =>
      valueOrThrow(await listNumbers(db, accountsContextOf(request).scope, request.query)),
  );

  app.post(
    '/numbers',
    {
      onRequest: requirePrivilege('numbers'),
      schema: {
        tags: ['numbers'],
        summary: 'Add numbers to an organization’s pool (Available)',
        body: addNumbersBodySchema,
        response: { 201: addNumbersResultSchema },
      },
    },
    async (request, reply) => {
      const context = accountsContextOf(request);
      return replyWithOutcome(request, reply, 201, async (trx) => {
        const added = await addNumbers(
          trx,
          context.scope,
          context.actor,
          request.body,
          context.invitation.now,
        );
        return added.ok ? success({ numbers: added.value }) : added;
      });
    },
  );

  app.patch(
    '/numbers/:number',
    {
      onRequest: requirePrivilege('numbers'),
      schema: {
        tags: ['numbers'],
        summary: 'Change a free number’s state or tag, or allocate/withdraw it',
        params: z.object({ number: z.string().min(1).max(32) }),
        body: patchNumberBodySchema,
        response: { 200: numberSchema },
      },
    },
    async (request, reply) => {
      const context = accountsContextOf(request);
      return replyWithOutcome(request, reply, 200, (trx) =>
        patchNumber(
          trx,
          context.scope,
          context.actor,
          request.params.number,
          request.body,
          context.invitation.now,
        ),
      );
    },
  );
};
