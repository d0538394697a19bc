// /api/v1/activation and /activation/number: the device side, without administrator auth.
// Failed activations are counted per username (10 per hour) and per address (50 per hour), in the
// database → 429 TOO_MANY_ATTEMPTS.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activationBodySchema,
  activationNumberBodySchema,
  activationNumberResultSchema,
  activationResultSchema,
} from '../../common/api/activation';
import { activateWithLimits } from '../domain/activation/activate-with-limits';
import { chooseActivationNumber } from '../domain/activation/choose-number';
import { valueOrThrow } from '../http/outcome-reply';
import { inTransaction } from '../domain/transaction';

const tags = ['activation'];

export const activationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/activation',
    {
      schema: {
        tags,
        summary: 'Activate MultiLine on a device with the invitation',
        security: [],
        body: activationBodySchema,
        response: { 200: activationResultSchema },
      },
    },
    async (request) => valueOrThrow(await activateWithLimits(deps, request.body, request.ip)),
  );

  app.post(
    '/activation/number',
    {
      schema: {
        tags,
        summary: 'Choose the number of an account activated without one',
        security: [],
        body: activationNumberBodySchema,
        response: { 200: activationNumberResultSchema },
      },
    },
    async (request) =>
      valueOrThrow(
        await inTransaction(deps.db, (trx) =>
          chooseActivationNumber(trx, deps.now(), request.body),
        ),
      ),
  );
};
