// Bridges typed domain outcomes to HTTP: a Failure becomes the AppError the error handler answers
// with, and the request's administrator becomes the domain's scope, actor and invitation context.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { AccountsContext } from '../domain/accounts/account-context';
import { invitationContextFrom } from '../domain/invitations/issue-invitation';
import type { Outcome } from '../domain/outcome';
import { scopeOf } from '../domain/scope';
import { signedIn } from './auth';
import { toAppError } from './errors';
import { replyIdempotent } from './idempotency';

/** The value of a successful outcome, or throws the failure as an AppError. */
export function valueOrThrow<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw toAppError(outcome);
  return outcome.value;
}

export { scopeOf };

/** Scope, actor and invitation settings of the signed-in administrator's request. */
export function accountsContextOf(request: FastifyRequest): AccountsContext {
  const administrator = signedIn(request);
  return {
    scope: scopeOf(administrator),
    actor: { id: administrator.id, email: administrator.email },
    invitation: invitationContextFrom(request.server.deps),
  };
}

/**
 * Runs a domain mutation in one transaction that honours Idempotency-Key (a retried request
 * replays the first answer) and rolls back when the outcome is a Failure.
 */
export function replyWithOutcome<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
  work: (trx: Transaction<Database>) => Promise<Outcome<T>>,
): Promise<FastifyReply> {
  return replyIdempotent(request, reply, async (trx) => ({
    statusCode,
    body: valueOrThrow(await work(trx)),
  }));
}
