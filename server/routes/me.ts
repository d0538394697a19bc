// GET /api/v1/me: the signed-in administrator with privileges and organization.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meSchema } from '../../common/api/me';
import { toAdministrator } from '../domain/administrators/administrator-view';
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
    async (request) => {
      const { id } = signedIn(request);
      const row = await app.deps.db
        .selectFrom('administrators as a')
        .innerJoin('organizations as o', 'o.id', 'a.organization_id')
        .selectAll('a')
        .select('o.name as organization_name')
        .where('a.id', '=', id)
        .executeTakeFirstOrThrow();
      const { organization_name, ...administrator } = row;
      return {
        ...toAdministrator(administrator),
        organizationName: organization_name,
        passwordChangeRequired: administrator.password_change_required === 1,
      };
    },
  );
};
