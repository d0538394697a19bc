// /api/v1/permission-profiles: the profiles visible to an organization (own + inherited), and
// creating profiles (Setup).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createPermissionProfileSchema,
  permissionProfileListQuerySchema,
  permissionProfilePageSchema,
  permissionProfileSchema,
} from '../../common/api/permission-profiles';
import {
  createPermissionProfile,
  listPermissionProfiles,
} from '../domain/permission-profiles/permission-profiles';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { replyWithOutcome, scopeOf, valueOrThrow } from '../http/outcome-reply';

export const permissionProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/permission-profiles',
    {
      onRequest: authenticate,
      schema: {
        tags: ['setup'],
        summary: 'Permission profiles visible to an organization (own and inherited)',
        querystring: permissionProfileListQuerySchema,
        response: { 200: permissionProfilePageSchema },
      },
    },
    async (request) =>
      valueOrThrow(await listPermissionProfiles(db, scopeOf(signedIn(request)), request.query)),
  );

  app.post(
    '/permission-profiles',
    {
      onRequest: requirePrivilege('setup'),
      schema: {
        tags: ['setup'],
        summary: 'Create a permission profile',
        body: createPermissionProfileSchema,
        response: { 201: permissionProfileSchema },
      },
    },
    async (request, reply) => {
      const administrator = signedIn(request);
      return replyWithOutcome(request, reply, 201, (trx) =>
        createPermissionProfile(
          trx,
          scopeOf(administrator),
          administrator,
          request.body,
          app.deps.now(),
        ),
      );
    },
  );
};
