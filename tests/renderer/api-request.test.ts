// The one request helper: every answer is parsed with its common/api schema, and an answer that
// does not match becomes an ApiError with the UNEXPECTED_ANSWER code instead of bad data.
import type { AxiosAdapter } from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, connectClient, disconnectClient } from '../../renderer/src/api/client';
import { ApiError } from '../../renderer/src/api/api-error';
import { request, UNEXPECTED_ANSWER } from '../../renderer/src/api/request';
import { listOrganizations } from '../../renderer/src/api/organizations';
import { listAdministrators } from '../../renderer/src/api/administrators';

/** An adapter answering `data` with 200 and recording the requests it saw. */
function answering(data: unknown, seen: { url?: string; params?: unknown }[] = []): AxiosAdapter {
  return async (config) => {
    seen.push({ url: config.url, params: config.params });
    return { data, status: 200, statusText: 'OK', headers: {}, config };
  };
}

const organization = {
  id: 'org-1',
  name: 'Acme',
  parentId: null,
  numbers: { available: 1, reserved: 0, assigned: 0, registered: 0 },
  capacity: 1,
  createdAt: '2026-01-05T09:00:00.000Z',
};

beforeEach(() => {
  connectClient({ profileId: 'p1', serviceUrl: 'http://service.test', accessToken: 'token' });
});
afterEach(() => disconnectClient());

describe('request(schema, config)', () => {
  it('returns the answer parsed with the schema', async () => {
    const schema = z.object({ id: z.string(), count: z.coerce.number() });
    const value = await request(schema, {
      url: '/thing',
      adapter: answering({ id: 'a', count: '3', extra: true }),
    });
    expect(value).toEqual({ id: 'a', count: 3 });
  });

  it('turns an answer outside the schema into a coded ApiError with a sentence', async () => {
    const error = await request(z.object({ id: z.string() }), {
      url: '/thing',
      what: 'the thing',
      adapter: answering({ id: 42 }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: UNEXPECTED_ANSWER, details: { path: 'id' } });
    expect((error as ApiError).message).toMatch(/^The service sent the thing in a form/);
  });

  it('parses the answers of the resource modules too', async () => {
    const seen: { url?: string; params?: unknown }[] = [];
    const adapter = api.defaults.adapter;
    try {
      api.defaults.adapter = answering(
        { items: [organization], total: 1, page: 1, pageSize: 500 },
        seen,
      );
      await expect(listOrganizations()).resolves.toEqual([organization]);
      api.defaults.adapter = answering({ items: [{ id: 'x' }], total: 1, page: 1, pageSize: 50 });
      await expect(listAdministrators()).rejects.toMatchObject({ code: UNEXPECTED_ANSWER });
    } finally {
      api.defaults.adapter = adapter;
    }
    expect(seen).toEqual([{ url: '/organizations', params: { page: 1, pageSize: 500 } }]);
  });
});
