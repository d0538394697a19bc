// GET /api/v1/audit-events: who did what, when, to what — oldest first (Reports privilege).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventListQuerySchema, auditEventPageSchema } from '../../common/api/audit';
import { parseJson } from '../db/values';
import { requirePrivilege, signedIn } from '../http/auth';
import { paginate } from '../http/paging';
import { listScope } from '../http/scope';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  app.get(
    '/audit-events',
    {
      onRequest: requirePrivilege('reports'),
      schema: {
        tags: ['reports'],
        summary: 'Audit events of the subtree, oldest first',
        querystring: auditEventListQuerySchema,
        response: { 200: auditEventPageSchema },
      },
    },
    async (request) => {
      const { organizationId, action, targetId, actorId, from, to } = request.query;
      const scope = await listScope(db, signedIn(request), organizationId);
      let query = db.selectFrom('audit_events').selectAll().where('organization_id', 'in', scope);
      if (action) query = query.where('action', '=', action);
      if (targetId) query = query.where('target_id', '=', targetId);
      if (actorId) query = query.where('actor_id', '=', actorId);
      // Stored times are UTC ISO strings, so comparing normalised text compares instants.
      if (from) query = query.where('created_at', '>=', new Date(from).toISOString());
      if (to) query = query.where('created_at', '<', new Date(to).toISOString());
      return paginate(query.orderBy('seq'), request.query, (row) => ({
        id: row.id,
        createdAt: row.created_at,
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        organizationId: row.organization_id,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        details: parseJson<Record<string, unknown>>(row.details, {}),
      }));
    },
  );
};
