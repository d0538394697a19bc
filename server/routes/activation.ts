// /api/v1/activation and /activation/number: the device side, without administrator auth.
// Failed sign-ins are counted per username (10 per hour, in the database) → 429 TOO_MANY_ATTEMPTS.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activationBodySchema,
  activationNumberBodySchema,
  activationNumberResultSchema,
  activationResultSchema,
} from '../../common/api/activation';
import { activateAccount } from '../domain/activation/activate-account';
import { chooseActivationNumber } from '../domain/activation/choose-number';
import { valueOrThrow } from '../domain/outcome-http';
import { inTransaction } from '../domain/transaction';
import { activationPerUsername, assertUnderLimit, countFailure } from '../http/rate-limit';

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
    async (request) => {
      const username = request.body.username.trim().toLowerCase();
      await assertUnderLimit(deps, activationPerUsername, username);
      const outcome = await inTransaction(deps.db, (trx) =>
        activateAccount(trx, { secret: deps.secrets.invitationKey, now: deps.now() }, request.body),
      );
      if (!outcome.ok && outcome.code === 'INVALID_INVITATION') {
        await countFailure(deps, activationPerUsername, username);
      }
      return valueOrThrow(outcome);
    },
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
