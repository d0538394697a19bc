// AppError, the code → status table and the one error handler: every failure leaves as {"error": {code, message, details}}
// with a 4xx for anything a client can send; a 500 only for our own bugs, without internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ValidationFields } from '../../common/errors';
import type { Failure } from '../domain/outcome';
import { logUnexpectedError } from './request-log';

/**
 * The one place an error code becomes an HTTP status. Typed as a full record, so a code added to
 * common/errors.ts without a status fails the typecheck.
 */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NUMBER_EXISTS: 409,
  CONTACT_EXISTS: 409,
  NUMBER_UNAVAILABLE: 409,
  NOT_ENOUGH_NUMBERS: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  INVALID_INVITATION: 401,
  INVITATION_EXPIRED: 410,
  INVITATION_USED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ADMINISTRATOR_EXISTS: 409,
  ORGANIZATION_NAME_EXISTS: 409,
  PROFILE_NAME_EXISTS: 409,
  WRONG_PASSWORD: 422,
  CANNOT_CHANGE_OWN_ADMINISTRATOR: 409,
  NOT_INVITED: 409,
  IMPORT_NOT_OPEN: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

/**
 * An expected failure with a code from common/errors.ts and a sentence an admin understands; its
 * status comes from httpStatusOf.
 */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = httpStatusOf[code];
  }
}

/** The AppError a domain Failure leaves the service as. */
export function toAppError(failure: Failure): AppError {
  return new AppError(failure.code, failure.message, failure.details ?? {});
}

/** NOT_FOUND for `what`. */
export const notFound = (what = 'That item'): AppError =>
  new AppError('NOT_FOUND', `${what} was not found.`);

/** FORBIDDEN. */
export const forbidden = (message = 'You do not have the privilege needed for this.'): AppError =>
  new AppError('FORBIDDEN', message);

/** UNAUTHORIZED. */
export const unauthorized = (message = 'Sign in to continue.'): AppError =>
  new AppError('UNAUTHORIZED', message);

/** 422 VALIDATION_FAILED for rules checked after the schema (e.g. a domain not allowed). */
export const validationFailed = (
  fields: ValidationFields,
  message = 'Some fields need attention.',
): AppError => new AppError('VALIDATION_FAILED', message, { fields });

export function errorBody(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): ErrorBody {
  return { error: { code, message, details } };
}

/** `/rows/0/contact` → `rows.0.contact`; an empty path names the whole part (`body`). */
function fieldName(instancePath: string, context: string | undefined): string {
  const trimmed = instancePath.replace(/^\//, '').split('/').join('.');
  return trimmed || context || 'body';
}

const statusCodes: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request could not be understood.' },
  401: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' },
  403: { code: 'FORBIDDEN', message: 'You do not have the privilege needed for this.' },
  404: { code: 'NOT_FOUND', message: 'That item was not found.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'That method is not allowed here.' },
  409: { code: 'CONFLICT', message: 'That conflicts with the current state.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send JSON with the header Content-Type: application/json.',
  },
  429: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts. Wait a while and try again.' },
};

function fastifyClientError(error: FastifyError): { status: number; body: ErrorBody } | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return {
      status: 400,
      body: errorBody('INVALID_JSON', 'The request body is not valid JSON.'),
    };
  }
  const known = statusCodes[status] ?? statusCodes[400]!;
  return { status, body: errorBody(known.code, known.message) };
}

/** Installs the error and not-found handlers on the app. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.statusCode)
        .send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: ValidationFields = {};
      for (const issue of error.validation) {
        const name = fieldName(issue.instancePath, error.validationContext);
        fields[name] ??= issue.message ?? 'This value is not valid.';
      }
      return reply
        .status(422)
        .send(errorBody('VALIDATION_FAILED', 'Some fields need attention.', { fields }));
    }
    if (error.statusCode === 503) {
      return reply
        .status(503)
        .send(errorBody('SERVICE_UNAVAILABLE', 'The service is shutting down. Try again shortly.'));
    }
    if (isResponseSerializationError(error)) {
      logUnexpectedError(request, error, 'response did not match its schema');
    } else {
      const client = fastifyClientError(error);
      if (client) return reply.status(client.status).send(client.body);
      logUnexpectedError(request, error, 'unexpected error');
    }
    return reply
      .status(500)
      .send(
        errorBody(
          'INTERNAL_ERROR',
          'Something went wrong in the provisioning service. Try again; if it keeps happening, contact support.',
        ),
      );
  });

  app.setNotFoundHandler((request, reply) => {
    return reply
      .status(404)
      .send(
        errorBody(
          'NOT_FOUND',
          `There is no ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)} here.`,
        ),
      );
  });
}
