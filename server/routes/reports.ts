// GET /api/v1/reports/summary and /reports/follow-up (Reports privilege, the caller's subtree).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  followUpPageSchema,
  followUpQuerySchema,
  reportRangeQuerySchema,
  reportSummarySchema,
} from '../../common/api/reports';
import { scopeOf, valueOrThrow } from '../http/outcome-reply';
import { followUpDaysOf, followUpQueue } from '../domain/reports/follow-up';
import { reportDays } from '../domain/reports/report-days';
import { reportSummary } from '../domain/reports/summary';
import { requirePrivilege, signedIn } from '../http/auth';
import { reportScope } from '../domain/reports/report-scope';

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/reports/summary',
    {
      onRequest: requirePrivilege('reports'),
      schema: {
        tags: ['reports'],
        summary:
          'Accounts by status, the activation funnel, per-day counts, number pools, delivery failures and imports',
        querystring: reportRangeQuerySchema,
        response: { 200: reportSummarySchema },
      },
    },
    async (request) => {
      const { organizationId, includeSubOrganizations } = request.query;
      const days = valueOrThrow(reportDays(request.query, app.deps.now()));
      const scope = valueOrThrow(
        await reportScope(db, scopeOf(signedIn(request)), organizationId, includeSubOrganizations),
      );
      return reportSummary(db, scope.organizationIds, days);
    },
  );

  app.get(
    '/reports/follow-up',
    {
      onRequest: requirePrivilege('reports'),
      schema: {
        tags: ['reports'],
        summary:
          'Accounts invited more than N days ago and still not activated, and failed invitations; oldest first',
        querystring: followUpQuerySchema,
        response: { 200: followUpPageSchema },
      },
    },
    async (request) => {
      const { organizationId, includeSubOrganizations, olderThanDays } = request.query;
      const scope = valueOrThrow(
        await reportScope(db, scopeOf(signedIn(request)), organizationId, includeSubOrganizations),
      );
      const days = olderThanDays ?? (await followUpDaysOf(db, scope.organizationPath));
      return followUpQueue(db, scope.organizationIds, request.query, days, app.deps.now());
    },
  );
};
