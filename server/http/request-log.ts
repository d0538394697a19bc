// The request log: one line per answer with method, route (the pattern, e.g. /api/v1/accounts/:id),
// status and time. Never the URL as sent (query strings hold search terms: emails, phone numbers),
// bodies, passwords, tokens or contacts.
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Logs each answer as {method, route, status, ms}; Fastify's own request logging stays off. */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'answered',
    );
  });
}

/**
 * An unexpected error, without its message (a database error quotes the values it refused, e.g. a
 * contact): its name, code and stack frames only.
 */
export function logUnexpectedError(request: FastifyRequest, error: unknown, what: string): void {
  request.log.error(
    { ...errorFacts(error), route: request.routeOptions.url ?? '(no route)' },
    what,
  );
}

/** Name, code and stack frames of an error, never its message. */
export function errorFacts(error: unknown): Record<string, unknown> {
  const failure = error instanceof Error ? error : new Error('non-error thrown');
  return {
    errorName: failure.name,
    errorCode: (failure as { code?: unknown }).code,
    frames: (failure.stack ?? '').split('\n').slice(1).join('\n'),
  };
}
