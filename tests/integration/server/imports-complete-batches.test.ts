// Completing an import with invitations in batches (domain/imports/complete-import.ts): more
// accounts than one batch are each invited exactly once, the job counts them all, a call after a
// partial run carries on, and the capacity rule still refuses before anyone is invited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteBatchSize } from '../../../server/domain/imports/complete-import';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createOrganization, numbersFrom } from './accounts-helpers';
import { openImport, person, sendChunk } from './imports-helpers';

describe.each(serviceBackends())('import completion in batches on $name', (backend) => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service?.close());

  /** An invite job of `count` created accounts in `organizationId`; their ids in row order. */
  async function importPeople(organizationId: string, count: number, tag: string) {
    const job = await openImport(service, token, { organizationId, invite: true, rowCount: count });
    const ids: string[] = [];
    for (let start = 0, chunk = 0; start < count; start += 500, chunk += 1) {
      const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) =>
        person(start + i + 2, `${tag}.${start + i}@example.com`),
      );
      const res = await sendChunk(service, token, job.id, chunk, rows);
      expect(res.status, res.text).toBe(200);
      ids.push(...(res.body.results as { accountId: string }[]).map((r) => r.accountId));
    }
    return { jobId: job.id, ids };
  }

  async function statusesOf(ids: string[]) {
    const rows = await service.db
      .selectFrom('accounts')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('id', 'in', ids)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }

  it('invites more accounts than one batch, each once, and counts them on the job', async () => {
    const count = inviteBatchSize * 2 + 100;
    const org = await createOrganization(service, token, 'Batch Org');
    await addNumbers(service, token, org, numbersFrom(6000, count));
    const { jobId, ids } = await importPeople(org, count, 'batch');
    const [a, b] = await Promise.all([
      service.request('POST', `/api/v1/imports/${jobId}/complete`, { token }),
      service.request('POST', `/api/v1/imports/${jobId}/complete`, { token }),
    ]);
    expect([a.status, b.status], a.text).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(a.body).toMatchObject({
      status: 'completed',
      counts: { created: count, invited: count },
    });
    expect(await statusesOf(ids)).toEqual({ invited: count });
    const messages = await service.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.count<number>('account_id').distinct().as('accounts'))
      .select((eb) => eb.fn.countAll<number>().as('messages'))
      .where('account_id', 'in', ids)
      .executeTakeFirstOrThrow();
    expect([Number(messages.accounts), Number(messages.messages)]).toEqual([count, count]);
  });

  it('refuses on capacity before inviting anyone, and carries on after a partial run', async () => {
    const org = await createOrganization(service, token, 'Partial Org');
    const { jobId, ids } = await importPeople(org, 5, 'partial');
    const refused = await service.request('POST', `/api/v1/imports/${jobId}/complete`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOT_ENOUGH_NUMBERS');
    expect(await statusesOf(ids)).toEqual({ not_invited: 5 });
    await addNumbers(service, token, org, numbersFrom(9000, 5));
    // A run that stopped after its first batch: two accounts invited and counted, the job open.
    const invited = await service.request('POST', '/api/v1/accounts/invite', {
      token,
      body: { accountIds: ids.slice(0, 2) },
    });
    expect(invited.status, invited.text).toBe(200);
    await service.db
      .withTables<{ import_jobs: { id: string; invited_count: number } }>()
      .updateTable('import_jobs')
      .set({ invited_count: 2 })
      .where('id', '=', jobId)
      .execute();
    const done = await service.request('POST', `/api/v1/imports/${jobId}/complete`, { token });
    expect(done.status, done.text).toBe(200);
    expect(done.body.counts).toMatchObject({ created: 5, invited: 5 });
    expect(await statusesOf(ids)).toEqual({ invited: 5 });
  });
});
