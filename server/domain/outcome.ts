// Typed outcomes of the accounts and numbers domain: callers (routes, the import wizard, activation)
// get either a value or a failure with an API error code and a sentence, never an HTTP exception.
import type { ErrorCode } from '../../common/errors';

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** The HTTP status a route answers with. */
  status: number;
  message: string;
  details?: Record<string, unknown>;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export const success = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function failure(
  code: ErrorCode,
  status: number,
  message: string,
  details?: Record<string, unknown>,
): Failure {
  return details === undefined
    ? { ok: false, code, status, message }
    : { ok: false, code, status, message, details };
}

/** 404: ids outside the caller's subtree answer exactly like ids that do not exist. */
export const notFoundFailure = (what: string): Failure =>
  failure('NOT_FOUND', 404, `${what} was not found.`);

/** Thrown inside a transaction to roll it back while keeping the typed failure. */
export class FailureSignal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'FailureSignal';
  }
}
