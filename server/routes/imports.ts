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
import { applyImportChunk, storedChunkResults } from '../domain/imports/import-chunk';
import {
  findJobInScope,
  importsDb,
  listImportJobs,
  toImportJob,
} from '../domain/imports/import-job';
import { importResultsCsv } from '../domain/imports/import-results-csv';
import { accountsContextOf, scopeOf, valueOrThrow } from '../http/outcome-reply';
import { inTransaction } from '../domain/transaction';
import { requirePrivilege, signedIn } from '../http/auth';
import { AppError, notFound } from '../http/errors';
import { replyIdempotent } from '../http/idempotency';

const tags = ['imports'];

const importNotOpen = () =>
  new AppError(
    'IMPORT_NOT_OPEN',
    'This import is already completed, so it takes no more rows. Start a new import for them.',
  );

/** PostgreSQL reports deadlocks and serialization failures; trying the chunk again is safe. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

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
      return replyIdempotent(request, reply, async (trx) => ({
        statusCode: 201,
        body: valueOrThrow(await createImportJob(trx, context, administrator.id, request.body)),
      }));
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
    async (request) => {
      const context = accountsContextOf(request);
      const { id, index } = request.params;
      const job = await findJobInScope(importsDb(db), context.scope, id);
      if (!job) throw notFound('That import');
      const earlier = await storedChunkResults(importsDb(db), job.id, index);
      if (earlier) return earlier;
      if (job.status !== 'open') throw importNotOpen();
      for (let attempt = 1; ; attempt++) {
        try {
          const applied = valueOrThrow(
            await inTransaction(db, async (trx) => {
              const outcome = await applyImportChunk(
                trx,
                context,
                job,
                index,
                request.body.rows,
                postgres,
              );
              // Thrown inside the transaction so the chunk's claim is rolled back too.
              if (outcome.kind === 'job-closed') throw importNotOpen();
              return { ok: true as const, value: outcome };
            }),
          );
          if (applied.kind === 'applied') return applied.result;
          const stored = await storedChunkResults(importsDb(db), job.id, index);
          if (stored) return stored;
          throw new AppError('CONFLICT', 'This chunk is being stored right now; send it again.');
        } catch (error) {
          if (attempt >= 3 || !isRetryable(error)) throw error;
        }
      }
    },
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
      const job = valueOrThrow(
        await inTransaction(db, (trx) => completeImport(trx, context, request.params.id, postgres)),
      );
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
