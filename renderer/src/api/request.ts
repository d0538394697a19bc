// The one way the renderer calls the service: an HTTP request through the shared client whose
// answer is parsed with its common/api schema, so a service of another version shows a sentence
// (ApiError UNEXPECTED_ANSWER) instead of breaking a screen further down.
import type { AxiosRequestConfig } from 'axios';
import { z } from 'zod';
import { ApiError } from './api-error';
import { api } from './client';

/** An axios request, plus what the answer is in words ("the administrators") for the error sentence. */
export interface RequestConfig extends AxiosRequestConfig {
  what?: string;
}

/** The code of an answer that does not match its schema. */
export const UNEXPECTED_ANSWER = 'UNEXPECTED_ANSWER';

/** For answers whose body carries nothing the renderer reads (e.g. `{ ok: true }`). */
export const anyAnswer = z.unknown();

/** A CSV file's text: asks axios for the raw body. */
export const csvText = {
  schema: z.string(),
  config: {
    responseType: 'text',
    transformResponse: (body: string) => body,
  } satisfies AxiosRequestConfig,
};

/** Parses `data` with `schema`; a mismatch becomes an ApiError an admin can act on. */
export function parseAnswer<S extends z.ZodType>(
  schema: S,
  data: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError(
    UNEXPECTED_ANSWER,
    `The service sent ${what} in a form this version of Linedesk does not understand. Check that the app and the service are the same version.`,
    { details: { path: issue?.path.join('.') ?? '', issue: issue?.message ?? '' } },
  );
}

/** Sends one request to the service and returns its answer parsed with `schema`. */
export async function request<S extends z.ZodType>(
  schema: S,
  config: RequestConfig,
): Promise<z.output<S>> {
  const { what = 'an answer', ...axiosConfig } = config;
  const response = await api.request<unknown>(axiosConfig);
  return parseAnswer(schema, response.data, what);
}
