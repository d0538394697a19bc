// GET /api/v1/me: the signed-in administrator with privileges and organization.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meSchema } from '../../common/api/me';
import { me } from '../domain/administrators/me';
import { authenticate, signedIn } from '../http/auth';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      onRequest: authenticate,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in administrator',
        response: { 200: meSchema },
      },
    },
    async (request) => me(app.deps.db, signedIn(request).id),
  );
};
