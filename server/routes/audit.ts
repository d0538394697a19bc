// GET /api/v1/audit-events and /audit-events.csv: who did what, when, to what — oldest first,
// filtered by administrator, action, organization and dates (Reports privilege, the subtree).
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditEventFilterSchema,
  auditEventListQuerySchema,
  auditEventPageSchema,
} from '../../common/api/audit';
import { csvLine } from '../../common/csv';
import {
  auditCsvCells,
  auditCsvHeader,
  filteredAuditEvents,
  organizationNames,
  toAuditEvent,
} from '../domain/reports/audit-events';
import { requirePrivilege, signedIn } from '../http/auth';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';
import { paginate } from '../domain/paging';
import { reportScope } from '../domain/reports/report-scope';

const csvBatch = 1000;

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
      const { organizationId, includeSubOrganizations } = request.query;
      const scope = valueOrThrow(
        await reportScope(db, scopeOf(signedIn(request)), organizationId, includeSubOrganizations),
      );
      const query = filteredAuditEvents(db, scope.organizationIds, request.query);
      return paginate(query, request.query, toAuditEvent);
    },
  );

  app.get(
    '/audit-events.csv',
    {
      onRequest: requirePrivilege('reports'),
      schema: {
        tags: ['reports'],
        summary: 'Every audit event matching the filters as CSV (formula-safe)',
        querystring: auditEventFilterSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { organizationId, includeSubOrganizations } = request.query;
      const scope = valueOrThrow(
        await reportScope(db, scopeOf(signedIn(request)), organizationId, includeSubOrganizations),
      );
      const names = await organizationNames(db, scope.organizationIds);
      const query = filteredAuditEvents(db, scope.organizationIds, request.query);
      async function* lines() {
        yield csvLine(auditCsvHeader);
        // Paged by position so a long trail never sits in memory at once.
        for (let offset = 0; ; offset += csvBatch) {
          const rows = await query.limit(csvBatch).offset(offset).execute();
          for (const row of rows) {
            const event = toAuditEvent(row);
            yield csvLine(auditCsvCells(event, names.get(event.organizationId ?? '')));
          }
          if (rows.length < csvBatch) return;
        }
      }
      const stamp = app.deps.now().toISOString().slice(0, 10);
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="activity-${stamp}.csv"`)
        .send(Readable.from(lines()));
    },
  );
};
