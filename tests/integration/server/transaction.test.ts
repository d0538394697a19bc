// inTransaction, the one transaction helper: what the work answers is committed, a Failure it
// answers is rolled back and returned, anything thrown rolls back and propagates. Both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, success } from '../../../server/domain/outcome';
import { inTransaction } from '../../../server/domain/transaction';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('inTransaction on $name', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
  });
  afterAll(() => service.close());

  /** Renames the root organization inside the transaction; the name read afterwards tells. */
  const rename = (name: string) =>
    inTransaction(service.db, async (trx) => {
      await trx
        .updateTable('organizations')
        .set({ name })
        .where('id', '=', service.rootOrganizationId)
        .execute();
      return name;
    });

  async function rootName(): Promise<string> {
    const row = await service.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', service.rootOrganizationId)
      .executeTakeFirstOrThrow();
    return row.name;
  }

  it('commits and answers what the work answers (a plain value or a success)', async () => {
    expect(await rename('Committed')).toBe('Committed');
    expect(await rootName()).toBe('Committed');
    const outcome = await inTransaction(service.db, async () => success({ kept: true }));
    expect(outcome).toEqual({ ok: true, value: { kept: true } });
  });

  it('rolls back a Failure and answers it as it is', async () => {
    await rename('Before');
    const outcome = await inTransaction(service.db, async (trx) => {
      await trx
        .updateTable('organizations')
        .set({ name: 'Refused' })
        .where('id', '=', service.rootOrganizationId)
        .execute();
      return failure('CONFLICT', 'Refused on purpose.', { reason: 'test' });
    });
    expect(outcome).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'Refused on purpose.',
      details: { reason: 'test' },
    });
    expect(await rootName()).toBe('Before');
  });

  it('rolls back when the work throws, and lets the error through', async () => {
    await rename('Before throwing');
    const thrown = await inTransaction(service.db, async (trx) => {
      await trx
        .updateTable('organizations')
        .set({ name: 'Thrown away' })
        .where('id', '=', service.rootOrganizationId)
        .execute();
      throw new Error('broken on purpose');
    }).catch((error: unknown) => error);
    expect((thrown as Error).message).toBe('broken on purpose');
    expect(await rootName()).toBe('Before throwing');
  });
});
