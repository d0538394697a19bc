// /api/v1/imports: CSV import jobs (Accounts Bulk Operations). A job is opened with an
// Idempotency-Key, rows arrive in all-or-nothing, replay-safe chunks, and complete (optionally
// inviting) is synchronous and safe to call twice. Rules live in domain/imports/.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createImportBodySchema,
  importChunkBodySchema,
  importChunkParamsSchema,
  importChunkResultSchema,
  importJobPageSchema,
  importJobSchema,
  importListQuerySchema,
} from '../../common/api/imports';
import { idParamsSchema } from '../../common/api/paging';
import { templateCsv } from '../../common/csv';
import { completeImport } from '../domain/imports/complete-import';
import { createImportJob } from '../domain/imports/create-import-job';
import {
  findJobInScope,
  importsDb,
  listImportJobs,
  toImportJob,
} from '../domain/imports/import-job';
import { importResultsCsv } from '../domain/imports/import-results-csv';
import { receiveImportChunk } from '../domain/imports/receive-chunk';
import { accountsContextOf, replyWithOutcome, scopeOf, valueOrThrow } from '../http/outcome-reply';
import { requirePrivilege, signedIn } from '../http/auth';
import { notFound } from '../http/errors';

const tags = ['imports'];

function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, dialect } = app.deps;
  const postgres = dialect === 'postgres';
  const bulk = requirePrivilege('accounts_bulk');

  app.get(
    '/imports/template.csv',
    {
      onRequest: bulk,
      schema: { tags, summary: 'The CSV template (header row only)', produces: ['text/csv'] },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('linedesk-accounts-template.csv'))
        .send(templateCsv()),
  );

  app.post(
    '/imports',
    {
      onRequest: bulk,
      schema: {
        tags,
        summary: 'Open an import job (send an Idempotency-Key)',
        body: createImportBodySchema,
        response: { 201: importJobSchema, 200: importJobSchema },
      },
    },
    async (request, reply) => {
      const context = accountsContextOf(request);
      const administrator = signedIn(request);
      return replyWithOutcome(request, reply, 201, (trx) =>
        createImportJob(trx, context, administrator.id, request.body),
      );
    },
  );

  app.put(
    '/imports/:id/chunks/:index',
    {
      onRequest: bulk,
      schema: {
        tags,
        summary: 'Send one chunk of rows (all-or-nothing; sent again it answers the same)',
        params: importChunkParamsSchema,
        body: importChunkBodySchema,
        response: { 200: importChunkResultSchema },
      },
    },
    async (request) =>
      valueOrThrow(
        await receiveImportChunk(
          db,
          accountsContextOf(request),
          request.params.id,
          request.params.index,
          request.body.rows,
          postgres,
        ),
      ),
  );

  app.post(
    '/imports/:id/complete',
    {
      onRequest: bulk,
      schema: {
        tags,
        summary: 'Finish the import; with invite, queue the invitations',
        params: idParamsSchema,
        response: { 200: importJobSchema },
      },
    },
    async (request) => {
      const context = accountsContextOf(request);
      // Its own transactions: one per batch of invitations (domain/imports/complete-import.ts).
      const job = valueOrThrow(await completeImport(db, context, request.params.id, postgres));
      // The invitations are queued: no need to wait for the worker's next poll.
      if (job.counts.invited > 0) app.deliveryWorker?.wake();
      return job;
    },
  );

  app.get(
    '/imports/:id',
    {
      onRequest: bulk,
      schema: {
        tags,
        summary: 'An import job with its counts',
        params: idParamsSchema,
        response: { 200: importJobSchema },
      },
    },
    async (request) => {
      const job = await findJobInScope(
        importsDb(db),
        scopeOf(signedIn(request)),
        request.params.id,
      );
      if (!job) throw notFound('That import');
      return toImportJob(job);
    },
  );

  app.get(
    '/imports',
    {
      onRequest: bulk,
      schema: {
        tags,
        summary: 'Import history, newest first',
        querystring: importListQuerySchema.extend({
          includeSubOrganizations: z.stringbool().optional(),
        }),
        response: { 200: importJobPageSchema },
      },
    },
    async (request) =>
      valueOrThrow(await listImportJobs(db, scopeOf(signedIn(request)), request.query)),
  );

  app.get(
    '/imports/:id/results.csv',
    {
      onRequest: bulk,
      schema: {
        tags,
        summary: 'Every row of the import with its outcome and messages (CSV)',
        params: idParamsSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const job = await findJobInScope(
        importsDb(db),
        scopeOf(signedIn(request)),
        request.params.id,
      );
      if (!job) throw notFound('That import');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`import-${job.id}-results.csv`))
        .send(await importResultsCsv(db, job.id));
    },
  );
};
