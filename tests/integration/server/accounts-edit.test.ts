// PATCH /api/v1/accounts/{id} and retried creates on SQLite and PostgreSQL: names, contact (still
// unique), lines, number changes that free the old number, and Idempotency-Key replays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  createAccount,
  createOrganization,
  numberState,
  numbersFrom,
} from './accounts-helpers';

describe.each(serviceBackends())('account edits on $name', (backend) => {
  let service: TestService;
  let token: string;
  let sales: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    sales = await createOrganization(service, token, 'Sales');
    await addNumbers(service, token, sales, numbersFrom(0, 5));
    await createAccount(service, token, {
      organizationId: sales,
      contact: 'grace.hopper@example.com',
    });
  });
  afterAll(() => service?.close());

  it('edits names, contact, lines and number; frees the old contact and number', async () => {
    const [n1, n2] = numbersFrom(2, 2);
    const account = await createAccount(service, token, {
      organizationId: sales,
      contact: 'edit-me@example.com',
      number: n1!,
    });
    const res = await service.request('PATCH', `/api/v1/accounts/${account.id}`, {
      token,
      body: { firstName: 'Edited', contact: '+44 20 7946 0000', linesAllowed: 3, number: n2 },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      firstName: 'Edited',
      contact: '+442079460000',
      contactType: 'sms',
      linesAllowed: 3,
      number: n2,
    });
    expect(res.body.username).toBe(account.username);
    expect(await numberState(service, n1!)).toMatchObject({ state: 'available', account_id: null });
    expect(await numberState(service, n2!)).toMatchObject({
      state: 'assigned',
      account_id: account.id,
    });
    const reuse = await createAccount(service, token, {
      organizationId: sales,
      contact: 'edit-me@example.com',
    });
    expect(reuse.contact).toBe('edit-me@example.com');
    const clash = await service.request('PATCH', `/api/v1/accounts/${account.id}`, {
      token,
      body: { contact: 'grace.hopper@example.com' },
    });
    expect(clash.body.error.code).toBe('CONTACT_EXISTS');
    const unassign = await service.request('PATCH', `/api/v1/accounts/${account.id}`, {
      token,
      body: { number: null },
    });
    expect(unassign.body.number).toBeNull();
    expect(await numberState(service, n2!)).toMatchObject({ state: 'available' });
    const bad = await service.request('PATCH', `/api/v1/accounts/${account.id}`, {
      token,
      body: { linesAllowed: 9 },
    });
    expect(bad.status).toBe(422);
    const missing = await service.request('PATCH', '/api/v1/accounts/does-not-exist', {
      token,
      body: { firstName: 'X' },
    });
    expect(missing.status).toBe(404);
  });

  it('replays a retried create with the same Idempotency-Key and refuses a different body', async () => {
    const key = `create-${backend.name}-0001`;
    const body = {
      organizationId: sales,
      firstName: 'Idem',
      lastName: 'Potent',
      contact: 'idem@example.com',
    };
    const first = await service.request('POST', '/api/v1/accounts', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    const again = await service.request('POST', '/api/v1/accounts', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const other = await service.request('POST', '/api/v1/accounts', {
      token,
      body: { ...body, contact: 'other-idem@example.com' },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await service.db
      .selectFrom('accounts')
      .select('id')
      .where('contact', 'in', ['idem@example.com', 'other-idem@example.com'])
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('records every edit in the audit trail', async () => {
    const events = await service.db
      .selectFrom('audit_events')
      .select(['action', 'actor_email'])
      .where('action', '=', 'account.updated')
      .execute();
    expect(events).toHaveLength(2); // the two successful edits; refused ones leave no trace
    expect(events.every((event) => event.actor_email === service.admin.email)).toBe(true);
  });

  it('applies the organization email-domain restriction to new and edited contacts', async () => {
    const org = await createOrganization(service, token, 'Restricted');
    const settings = await service.request('PATCH', `/api/v1/organizations/${org}/settings`, {
      token,
      body: { allowedEmailDomains: ['northwind.example'] },
    });
    expect(settings.status, settings.text).toBe(200);
    const outside = await service.request('POST', '/api/v1/accounts', {
      token,
      body: { organizationId: org, firstName: 'O', lastName: 'D', contact: 'someone@gmail.com' },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.details.fields.contact).toMatch(/@northwind\.example/);
    const inside = await createAccount(service, token, {
      organizationId: org,
      contact: 'Someone@Northwind.example',
    });
    const edit = await service.request('PATCH', `/api/v1/accounts/${inside.id}`, {
      token,
      body: { contact: 'someone@gmail.com' },
    });
    expect(edit.status).toBe(422);
    // Device numbers are not subject to the email restriction.
    const sms = await createAccount(service, token, {
      organizationId: org,
      contact: '+1 202 555 0111',
    });
    expect(sms.contactType).toBe('sms');
  });
});
