// GET /api/v1/health: no auth; also proves the database answers.
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from '../../common/api/health';

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
      await sql`select 1`.execute(app.deps.db);
      return {
        status: 'ok' as const,
        database: app.deps.dialect,
        version: app.deps.config.version,
      };
    },
  );
};
