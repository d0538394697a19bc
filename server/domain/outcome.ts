// Typed outcomes of the domain: callers (routes, the import wizard, activation) get either a value
// or a failure with an API error code and a sentence; the HTTP status is chosen by server/http/errors.ts.
import type { ErrorCode } from '../../common/errors';

/** A refused operation: a code from common/errors.ts and a sentence an administrator understands. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Either a value or a Failure. */
export type Outcome<T> = { ok: true; value: T } | Failure;

/** A successful outcome. */
export const success = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** A failed outcome. */
export function failure(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Failure {
  return details === undefined
    ? { ok: false, code, message }
    : { ok: false, code, message, details };
}

/** Is this value a Failure (an Outcome that was refused)? */
export function isFailure(value: unknown): value is Failure {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; code?: unknown };
  return candidate.ok === false && typeof candidate.code === 'string';
}

/** NOT_FOUND: ids outside the caller's subtree answer exactly like ids that do not exist. */
export const notFoundFailure = (what: string): Failure =>
  failure('NOT_FOUND', `${what} was not found.`);
