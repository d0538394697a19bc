// /api/v1/organizations: the caller's subtree (flat, paged, with numbers and capacity); Setup
// creates sub-organizations.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createOrganizationSchema,
  organizationListQuerySchema,
  organizationPageSchema,
  organizationSchema,
} from '../../common/api/organizations';
import { createSubOrganization } from '../domain/organizations/create-organization';
import { listOrganizations } from '../domain/organizations/list-organizations';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { replyWithOutcome, scopeOf } from '../http/outcome-reply';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/organizations',
    {
      onRequest: authenticate,
      schema: {
        tags: ['organizations'],
        summary: 'The caller’s organization subtree, flat',
        querystring: organizationListQuerySchema,
        response: { 200: organizationPageSchema },
      },
    },
    async (request) => listOrganizations(db, scopeOf(signedIn(request)), request.query),
  );

  app.post(
    '/organizations',
    {
      onRequest: requirePrivilege('setup'),
      schema: {
        tags: ['organizations'],
        summary: 'Create a sub-organization',
        body: createOrganizationSchema,
        response: { 201: organizationSchema },
      },
    },
    async (request, reply) => {
      const administrator = signedIn(request);
      return replyWithOutcome(request, reply, 201, (trx) =>
        createSubOrganization(
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
