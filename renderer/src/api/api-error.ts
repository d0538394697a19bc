// The one error shape the renderer shows: a code, an admin-readable sentence and optional field messages.
import axios from 'axios';
import { BridgeError } from '../bridge/bridge-error';

export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** An error from the service (or from reaching it), normalised so views never show raw errors. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number | null;
  readonly fields: Record<string, string>;
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    options: {
      status?: number | null;
      fields?: Record<string, string>;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? null;
    this.fields = options.fields ?? {};
    this.details = options.details ?? {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringFields(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(value)) {
    if (typeof message === 'string') fields[name] = message;
    else if (Array.isArray(message) && typeof message[0] === 'string') fields[name] = message[0];
  }
  return fields;
}

const fallbackByStatus: Record<number, string> = {
  400: 'The service could not understand the request.',
  401: 'Your session has ended. Sign in again.',
  403: 'Your administrator account does not have the privilege for this action.',
  404: 'This item no longer exists or is outside your organizations.',
  409: 'This change conflicts with the current data. Refresh and try again.',
  413: 'The request is too large for the service.',
  422: 'Some fields need attention.',
  429: 'Too many attempts. Wait a few minutes and try again.',
};

/** Turns anything thrown by axios (or code) into an ApiError with a readable sentence. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // A refusal from main already carries its code and a sentence for the admin.
  if (error instanceof BridgeError) return new ApiError(error.code, error.message);
  if (axios.isAxiosError(error)) {
    const response = error.response;
    if (!response) {
      return new ApiError(
        'SERVICE_UNREACHABLE',
        'The provisioning service cannot be reached. Check that it is running and that this computer is connected.',
      );
    }
    let body: unknown = response.data;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = null;
      }
    }
    const payload = isRecord(body) && isRecord(body.error) ? body.error : null;
    const details = payload && isRecord(payload.details) ? payload.details : {};
    const code =
      payload && typeof payload.code === 'string' ? payload.code : `HTTP_${response.status}`;
    const message =
      payload && typeof payload.message === 'string' && payload.message
        ? payload.message
        : (fallbackByStatus[response.status] ??
          'The service could not complete this action. Try again.');
    return new ApiError(code, message, {
      status: response.status,
      fields: stringFields(details.fields),
      details,
    });
  }
  return new ApiError('UNEXPECTED', 'Something went wrong in Linedesk. Try again.');
}

/** The sentence to show for any error. */
export function errorMessage(error: unknown): string {
  return toApiError(error).message;
}
