// Calls to the provisioning service's auth endpoints from main (fetch), with the service's
// `{error:{code,message}}` answers and network failures turned into MainErrors.
import { z } from 'zod';
import { errorCodeSchema } from '../../../common/errors';
import type { IpcErrorCode } from '../../../common/ipc/errors';
import { MainError } from './main-error';

function hostOf(serviceUrl: string): string {
  try {
    return new URL(serviceUrl).host;
  } catch {
    return serviceUrl;
  }
}

/** An error answer; `details` is not needed here, so an answer without it is read too. */
const errorAnswerSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** The service's own code when it is one of common/errors.ts, else `HTTP_<status>`. */
async function errorFrom(response: Response): Promise<MainError> {
  let code: IpcErrorCode = `HTTP_${response.status}`;
  let message = `The service answered with an unexpected error (${response.status}). Try again, or contact the service's administrator.`;
  try {
    const body = errorAnswerSchema.safeParse(await response.json());
    if (body.success) {
      const known = errorCodeSchema.safeParse(body.data.error.code);
      if (known.success) code = known.data;
      if (body.data.error.message) message = body.data.error.message;
    }
  } catch {
    // Not JSON: keep the generic sentence.
  }
  return new MainError(code, message);
}

/** POST/GET JSON to `${serviceUrl}/api/v1${path}`; throws MainError on any failure. */
export async function serviceRequest<T>(
  serviceUrl: string,
  path: string,
  options: {
    method?: 'GET' | 'POST' | 'PUT';
    body?: unknown;
    accessToken?: string;
    fetch?: typeof fetch;
    /** Extra request headers, e.g. `idempotency-key`. */
    headers?: Record<string, string>;
  },
): Promise<T> {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  let response: Response;
  try {
    response = await doFetch(`${serviceUrl}/api/v1${path}`, {
      method: options.method ?? 'POST',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new MainError(
      'SERVICE_UNREACHABLE',
      `Linedesk could not reach the service at ${hostOf(serviceUrl)}. Check the address and your connection, and that the service is running.`,
    );
  }
  if (!response.ok) throw await errorFrom(response);
  try {
    return (await response.json()) as T;
  } catch {
    throw new MainError(
      'UNEXPECTED_ANSWER',
      `The service at ${hostOf(serviceUrl)} gave an answer Linedesk does not understand. Check that the address points to a Linedesk service.`,
    );
  }
}
