// GET /api/v1/health: no auth; also proves the database answers (503 when it does not).
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '../../common/api/health';
import { AppError } from '../http/errors';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database kind',
        security: [],
        response: { 200: healthSchema },
      },
    },
    async () => {
      // A load balancer takes an instance out when its database stops answering.
      await sql`select 1`.execute(app.deps.db).catch(() => {
        throw new AppError('SERVICE_UNAVAILABLE', 'The database is not answering.');
      });
      return {
        status: 'ok' as const,
        database: app.deps.dialect,
        version: app.deps.config.version,
      };
    },
  );
};
