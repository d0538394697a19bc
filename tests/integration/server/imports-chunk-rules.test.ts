// The account rules a chunk applies to the whole chunk at once, row by row in order: a number used
// twice or not in the pool, onboarding capacity running out part-way, email-domain restrictions,
// usernames already taken in another tenant, and one audit event per created account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  createAccount,
  createOrganization,
  numberState,
  numbersFrom,
} from './accounts-helpers';
import { openImport, person, sendChunk } from './imports-helpers';

type Result = {
  rowNumber: number;
  outcome: string;
  accountId?: string;
  errors?: { column: string; message: string }[];
};

describe.each(serviceBackends())('import chunk rules on $name', (backend) => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
  });
  afterAll(() => service.close());

  it('gives each number once, refuses numbers outside the pool, and stops at capacity', async () => {
    const org = await createOrganization(service, token, 'Chunk Numbers');
    const [first, second, third] = numbersFrom(4100, 3);
    await addNumbers(service, token, org, [first!, second!, third!]);
    // One invitation waiting for a number: capacity is 3 − 1 = 2.
    await createAccount(service, token, {
      organizationId: org,
      contact: 'w@example.com',
      invite: true,
    });
    const job = await openImport(service, token, { organizationId: org, rowCount: 5 });
    const res = await sendChunk(service, token, job.id, 0, [
      person(2, 'n1@example.com', { number: first! }),
      person(3, 'n2@example.com', { number: first! }),
      person(4, 'n3@example.com', { number: '+12025559999' }),
      person(5, 'n4@example.com', { number: second! }),
      person(6, 'n5@example.com', { number: third! }),
    ]);
    expect(res.status, res.text).toBe(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => r.outcome)).toEqual([
      'created',
      'invalid',
      'invalid',
      'created',
      'invalid',
    ]);
    expect(results[1]?.errors?.[0]).toMatchObject({ column: 'number' });
    expect(results[1]?.errors?.[0]?.message).toContain(`The number ${first} is not available`);
    expect(results[2]?.errors?.[0]?.message).toContain('The number +12025559999 is not available');
    expect(results[4]?.errors?.[0]?.message).toContain('not enough Available numbers');
    expect(await numberState(service, first!)).toMatchObject({
      state: 'assigned',
      account_id: results[0]?.accountId,
    });
    expect(await numberState(service, second!)).toMatchObject({
      state: 'assigned',
      account_id: results[3]?.accountId,
    });
    expect(await numberState(service, third!)).toMatchObject({
      state: 'available',
      account_id: null,
    });
    const account = await service.request('GET', `/api/v1/accounts/${results[3]?.accountId}`, {
      token,
    });
    expect(account.body).toMatchObject({ number: second, status: 'not_invited' });
  });

  it('applies the email-domain restriction and picks a free username', async () => {
    const org = await createOrganization(service, token, 'Chunk Domains');
    const settings = await service.request('PATCH', `/api/v1/organizations/${org}/settings`, {
      token,
      body: { allowedEmailDomains: ['northwind.example'] },
    });
    expect(settings.status, settings.text).toBe(200);
    const holder = await createAccount(service, token, {
      organizationId: org,
      contact: 'holder@northwind.example',
    });
    await service.db
      .updateTable('accounts')
      .set({ username: 'taken@northwind.example' })
      .where('id', '=', holder.id)
      .execute();
    const job = await openImport(service, token, { organizationId: org, rowCount: 2 });
    const res = await sendChunk(service, token, job.id, 0, [
      person(2, 'someone@gmail.com'),
      person(3, 'taken@northwind.example'),
    ]);
    const results = res.body.results as Result[];
    expect(results.map((r) => r.outcome)).toEqual(['invalid', 'created']);
    expect(results[0]?.errors?.[0]).toMatchObject({ column: 'contact' });
    expect(results[0]?.errors?.[0]?.message).toContain('@northwind.example');
    const created = await service.request('GET', `/api/v1/accounts/${results[1]?.accountId}`, {
      token,
    });
    expect(created.body.username).toBe('taken@northwind.example-2');

    const events = await service.db
      .selectFrom('audit_events')
      .select(['action', 'actor_email', 'organization_id'])
      .where('target_id', '=', results[1]!.accountId!)
      .execute();
    expect(events).toEqual([
      { action: 'account.created', actor_email: service.admin.email, organization_id: org },
    ]);
  });
});
