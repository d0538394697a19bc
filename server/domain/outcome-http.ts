// Bridges typed domain outcomes to HTTP: a Failure becomes the AppError the error handler answers
// with, and the request's administrator becomes the domain's scope, actor and invitation context.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { signedIn } from '../http/auth';
import { AppError } from '../http/errors';
import { replyIdempotent } from '../http/idempotency';
import type { AccountsContext } from './accounts/account-context';
import { invitationContextFrom } from './invitations/issue-invitation';
import type { Failure, Outcome } from './outcome';

export function toAppError(failure: Failure): AppError {
  return new AppError(failure.code, failure.status, failure.message, failure.details ?? {});
}

/** The value of a successful outcome, or throws the failure as an AppError. */
export function valueOrThrow<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw toAppError(outcome);
  return outcome.value;
}

/** Scope, actor and invitation settings of the signed-in administrator's request. */
export function accountsContextOf(request: FastifyRequest): AccountsContext {
  const administrator = signedIn(request);
  return {
    scope: { organizationId: administrator.organizationId, path: administrator.organizationPath },
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
