// Idempotency-Key for retried mutations (api.md): the same key with the same body replays the
// first answer; with another body → 409 IDEMPOTENCY_KEY_REUSED. The key row is written in the
// same transaction as the work, so a crash leaves neither, and two concurrent calls cannot both
// do the work (the second waits on the key's unique index, then replays).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { parseJson } from '../db/values';
import type { AppDeps } from '../deps';
import { inTransaction } from '../domain/transaction';
import { AppError, validationFailed } from './errors';

export interface IdempotentAnswer<T> {
  statusCode: number;
  body: T;
}

class KeyTakenMeanwhile extends Error {}

const keyRetentionMs = 30 * 86_400_000;

/** JSON with sorted object keys, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const requestHash = (body: unknown): string =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');

/** The Idempotency-Key header, if any; 422 when it is not a short token (a UUID is expected). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{8,200}$/.test(key)) {
    throw validationFailed(
      { 'Idempotency-Key': 'Use a UUID (8–200 letters, digits or -_.:).' },
      'The Idempotency-Key header is not valid.',
    );
  }
  return key;
}

async function storedAnswer<T>(
  deps: AppDeps,
  scope: string,
  key: string,
  hash: string,
): Promise<IdempotentAnswer<T> | null> {
  const row = await deps.db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request.',
    );
  }
  return { statusCode: row.status_code, body: parseJson<T>(row.response_body, null as T) };
}

/**
 * Runs `work` in a transaction at most once per (scope, key). Without a key it simply runs it.
 * Errors thrown by `work` roll everything back and are not remembered (a retry runs again).
 */
export async function runIdempotent<T>(
  deps: AppDeps,
  options: { key: string | undefined; scope: string; requestBody: unknown },
  work: (trx: Transaction<Database>) => Promise<IdempotentAnswer<T>>,
): Promise<IdempotentAnswer<T> & { replayed: boolean }> {
  const { key, scope } = options;
  if (key === undefined) {
    const answer = await inTransaction(deps.db, work);
    return { ...answer, replayed: false };
  }
  const hash = requestHash(options.requestBody);
  const earlier = await storedAnswer<T>(deps, scope, key, hash);
  if (earlier) return { ...earlier, replayed: true };
  try {
    const answer = await inTransaction(deps.db, async (trx) => {
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({
          scope,
          key,
          request_hash: hash,
          status_code: 0,
          response_body: '',
          created_at: deps.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) throw new KeyTakenMeanwhile();
      // Keys are kept long enough for a draft resumed weeks later, then forgotten.
      await trx
        .deleteFrom('idempotency_keys')
        .where('scope', '=', scope)
        .where('created_at', '<', new Date(deps.now().getTime() - keyRetentionMs).toISOString())
        .execute();
      const result = await work(trx);
      await trx
        .updateTable('idempotency_keys')
        .set({ status_code: result.statusCode, response_body: JSON.stringify(result.body) })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      return result;
    });
    return { ...answer, replayed: false };
  } catch (error) {
    if (!(error instanceof KeyTakenMeanwhile)) throw error;
    const meanwhile = await storedAnswer<T>(deps, scope, key, hash);
    if (meanwhile && meanwhile.statusCode !== 0) return { ...meanwhile, replayed: true };
    throw new AppError(
      'IDEMPOTENCY_KEY_IN_USE',
      'A request with this Idempotency-Key is still being processed. Try again in a moment.',
    );
  }
}

/**
 * Route helper: key from the header, scope = administrator (or `anonymous`) + method + route,
 * runs `work` idempotently and sends its answer (with `Idempotent-Replayed: true` on a replay).
 */
export async function replyIdempotent<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (trx: Transaction<Database>) => Promise<IdempotentAnswer<T>>,
): Promise<FastifyReply> {
  const who = request.administrator?.id ?? 'anonymous';
  const scope = `${who}:${request.method}:${request.routeOptions.url ?? request.url}`;
  const answer = await runIdempotent(
    request.server.deps,
    { key: idempotencyKeyOf(request), scope, requestBody: request.body ?? null },
    work,
  );
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(answer.statusCode).send(answer.body);
}
