// /api/v1/organizations: the caller's subtree (flat, paged, with numbers and capacity); Setup
// creates sub-organizations.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createOrganizationSchema,
  organizationListQuerySchema,
  organizationPageSchema,
  organizationSchema,
} from '../../common/api/organizations';
import { containsIgnoringCase } from '../db/contains';
import { recordAudit } from '../domain/audit/record-audit';
import { createOrganization } from '../domain/organizations/create-organization';
import { toOrganizations } from '../domain/organizations/organization-view';
import { authenticate, requirePrivilege, signedIn } from '../http/auth';
import { notFound } from '../http/errors';
import { replyIdempotent } from '../http/idempotency';
import { paginate } from '../domain/paging';
import { inSubtree, organizationInScope } from '../domain/scope';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';

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
    async (request) => {
      const administrator = signedIn(request);
      let query = inSubtree(
        db.selectFrom('organizations').selectAll(),
        'path',
        administrator.organizationPath,
      );

      const q = request.query.q?.trim().toLowerCase();
      if (q) {
        query = query.where((eb) =>
          eb.or([containsIgnoringCase('name', q), eb('id', '=', request.query.q?.trim() ?? '')]),
        );
      }
      const page = await paginate(
        query.orderBy('depth').orderBy('name').orderBy('id'),
        request.query,
        (row) => row,
      );
      return { ...page, items: await toOrganizations(db, page.items) };
    },
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
      const parent = valueOrThrow(
        await organizationInScope(db, scopeOf(administrator), request.body.parentId),
      );
      return replyIdempotent(request, reply, async (trx) => {
        const now = app.deps.now();
        const organization = await createOrganization(trx, {
          name: request.body.name,
          parent,
          now,
        });
        await recordAudit(trx, {
          actor: administrator,
          organizationId: organization.id,
          action: 'organization.created',
          targetType: 'organization',
          targetId: organization.id,
          details: { name: organization.name, parentId: parent.id },
          at: now,
        });
        const [view] = await toOrganizations(trx, [organization]);
        if (!view) throw notFound('The new organization');
        return { statusCode: 201, body: view };
      });
    },
  );
};
