// GET /api/v1/accounts/export.csv: the list's filters (optionally narrowed to a selection, accountIds),
// the template columns plus Status, written with the shared CSV writer (formula cells neutralised).
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportAccountsCsvQuerySchema } from '../../common/api/accounts';
import { csvLine, TEMPLATE_HEADER_LABELS } from '../../common/csv';
import { exportRows, onlyAccounts, statusLabel } from '../domain/accounts/export-accounts';
import { filteredAccounts, orderAccounts } from '../domain/accounts/list-accounts';
import { accountsContextOf, valueOrThrow } from '../http/outcome-reply';
import { authenticate } from '../http/auth';

export const accountExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    '/accounts/export.csv',
    {
      onRequest: authenticate,
      schema: {
        tags: ['accounts'],
        summary:
          'The filtered (or selected, accountIds) accounts as CSV (template columns + Status)',
        querystring: exportAccountsCsvQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { scope } = accountsContextOf(request);
      const filtered = valueOrThrow(await filteredAccounts(db, scope, request.query));
      const ordered = onlyAccounts(
        orderAccounts(filtered, request.query.sort),
        request.query.accountIds,
      );
      async function* lines() {
        yield csvLine([...TEMPLATE_HEADER_LABELS, 'Status']);
        for await (const record of exportRows(db, ordered)) {
          yield csvLine([...record.cells, statusLabel(record.status)]);
        }
      }
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="accounts-${stamp}.csv"`)
        .send(Readable.from(lines()));
    },
  );
};
