// Idempotency-Key: the same key and body replay the first answer and do the work once; another
// body is 409 IDEMPOTENCY_KEY_REUSED; concurrent calls do the work once. SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdempotent } from '../../../server/http/idempotency';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('idempotency on $name', (backend) => {
  let service: TestService;
  let token: string;
  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
  });
  afterAll(() => service.close());

  async function organizationsNamed(name: string): Promise<number> {
    const rows = await service.db
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', name)
      .execute();
    return rows.length;
  }

  it('replays the first answer for the same key and body', async () => {
    const key = randomUUID();
    const body = { name: 'Replayed', parentId: service.rootOrganizationId };
    const first = await service.request('POST', '/api/v1/organizations', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    const second = await service.request('POST', '/api/v1/organizations', {
      token,
      // Same content, keys in another order.
      body: { parentId: body.parentId, name: body.name },
      headers: { 'idempotency-key': key },
    });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await organizationsNamed('Replayed')).toBe(1);
  });

  it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    const key = randomUUID();
    await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 'First Body', parentId: service.rootOrganizationId },
      headers: { 'idempotency-key': key },
    });
    const other = await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 'Second Body', parentId: service.rootOrganizationId },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await organizationsNamed('Second Body')).toBe(0);
  });

  it('does not remember failures: a refused request may be retried with the same key', async () => {
    const key = randomUUID();
    const refused = await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 'Replayed', parentId: service.rootOrganizationId },
      headers: { 'idempotency-key': key },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ORGANIZATION_NAME_EXISTS');
    const stored = await service.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', key)
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuses a malformed key with 422', async () => {
    const response = await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 'Bad Key', parentId: service.rootOrganizationId },
      headers: { 'idempotency-key': 'no spaces allowed' },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details.fields).toHaveProperty(['Idempotency-Key']);
  });

  it('keys are per administrator: another administrator’s same key is a new request', async () => {
    const key = randomUUID();
    const scopes = ['admin-a:POST:/x', 'admin-b:POST:/x'];
    const answers = [];
    for (const scope of scopes) {
      answers.push(
        await runIdempotent(service.deps, { key, scope, requestBody: { n: 1 } }, async () => ({
          statusCode: 201,
          body: { scope },
        })),
      );
    }
    expect(answers.map((answer) => answer.body)).toEqual([
      { scope: scopes[0] },
      { scope: scopes[1] },
    ]);
  });

  it('concurrent calls with one key do the work once and all get its answer', async () => {
    const key = randomUUID();
    let runs = 0;
    const calls = Array.from({ length: 5 }, () =>
      runIdempotent(
        service.deps,
        { key, scope: 'concurrency', requestBody: { same: true } },
        async (trx) => {
          runs += 1;
          const id = randomUUID();
          await trx
            .insertInto('service_secrets')
            .values({
              name: `idempotency-test-${id}`,
              value: 'x',
              created_at: new Date().toISOString(),
            })
            .execute();
          return { statusCode: 201, body: { id } };
        },
      ).catch((error: unknown) => error),
    );
    const results = await Promise.all(calls);
    const answers = results.filter(
      (result): result is { statusCode: number; body: { id: string }; replayed: boolean } =>
        typeof result === 'object' && result !== null && 'statusCode' in result,
    );
    // Each call either got the one answer or was told the key is still being processed.
    for (const result of results) {
      if (!answers.includes(result as never)) {
        expect(result).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
      }
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    const rows = await service.db
      .selectFrom('service_secrets')
      .select('name')
      .where('name', 'like', 'idempotency-test-%')
      .execute();
    expect(rows).toHaveLength(1);
    expect(runs).toBeGreaterThanOrEqual(1);
  });
});
