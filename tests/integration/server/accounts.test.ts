// POST/GET /api/v1/accounts on SQLite and PostgreSQL: contact normalisation and uniqueness per
// tenant, usernames unique service-wide, numbers, the capacity rule, limits, privileges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  capacityOf,
  createAccount,
  createOrganization,
  numberState,
  numbersFrom,
} from './accounts-helpers';

describe.each(serviceBackends())('accounts on $name', (backend) => {
  let service: TestService;
  let token: string;
  let root: string;
  let sales: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    root = service.rootOrganizationId;
    sales = await createOrganization(service, token, 'Sales');
    await addNumbers(service, token, sales, numbersFrom(0, 5));
  });
  afterAll(() => service?.close());

  it('creates a Not Invited account with a normalised device number and the default profile', async () => {
    const res = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: sales,
        firstName: ' Ada ',
        lastName: 'Lovelace',
        contact: '+1 (202) 555-0143',
        applications: ['MultiLine'],
        linesAllowed: 2,
        invite: false,
      },
    });
    expect(res.status, res.text).toBe(201);
    const account = res.body as Account;
    expect(account).toMatchObject({
      organizationId: sales,
      firstName: 'Ada',
      contact: '+12025550143',
      contactType: 'sms',
      username: '+12025550143',
      applications: ['MultiLine'],
      linesAllowed: 2,
      number: null,
      personalPhone: null,
      status: 'not_invited',
      invitedAt: null,
      activatedAt: null,
    });
    expect(account.permissionProfileId).toBeTruthy();
    const read = await service.request('GET', `/api/v1/accounts/${account.id}`, { token });
    expect(read.body).toEqual(account);
  });

  it('accepts 12025550143 and 0044 forms, refuses national numbers with a country-code sentence', async () => {
    const uk = await createAccount(service, token, {
      organizationId: sales,
      contact: '0044 20 7946 0958',
    });
    expect(uk.contact).toBe('+442079460958');
    const res = await service.request('POST', '/api/v1/accounts', {
      token,
      body: { organizationId: sales, firstName: 'N', lastName: 'N', contact: '2025550199' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fields.contact).toMatch(/country code/);
  });

  it('answers 409 CONTACT_EXISTS for the same contact anywhere in the tenant', async () => {
    await createAccount(service, token, {
      organizationId: sales,
      contact: 'Grace.Hopper@Example.com',
    });
    const again = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: root,
        firstName: 'G',
        lastName: 'H',
        contact: 'grace.hopper@example.com ',
      },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONTACT_EXISTS');
    const phone = await service.request('POST', '/api/v1/accounts', {
      token,
      body: { organizationId: root, firstName: 'A', lastName: 'L', contact: '12025550143' },
    });
    expect(phone.body.error.code).toBe('CONTACT_EXISTS');
  });

  it('keeps usernames unique across tenants with a short suffix', async () => {
    const otherRoot = `other-root-${backend.name}`;
    const now = new Date().toISOString();
    await service.db
      .insertInto('organizations')
      .values({
        id: otherRoot,
        name: 'Other Tenant',
        parent_id: null,
        root_id: otherRoot,
        path: `/${otherRoot}/`,
        depth: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    // The other tenant already uses the contact as a username: ours gets a suffix.
    await service.db
      .insertInto('accounts')
      .values({
        id: `acc-${backend.name}`,
        organization_id: otherRoot,
        root_organization_id: otherRoot,
        first_name: 'O',
        last_name: 'T',
        contact: 'shared@example.com',
        contact_type: 'email',
        username: 'shared@example.com',
        applications: '["MultiLine"]',
        lines_allowed: 1,
        permission_profile_id: null,
        number: null,
        personal_phone: null,
        status: 'not_invited',
        invited_at: null,
        activated_at: null,
        device_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const ours = await createAccount(service, token, {
      organizationId: sales,
      contact: 'shared@example.com',
    });
    expect(ours.username).toBe('shared@example.com-2');
    // The other tenant's account is invisible here.
    const hidden = await service.request('GET', `/api/v1/accounts/acc-${backend.name}`, { token });
    expect(hidden.status).toBe(404);
  });

  it('assigns an Available or Reserved number and refuses one that is taken', async () => {
    const [available, reserved] = numbersFrom(0, 2);
    await service.request('PATCH', `/api/v1/numbers/${reserved}`, {
      token,
      body: { state: 'reserved', tag: 'RE-INVITE' },
    });
    const a = await createAccount(service, token, {
      organizationId: sales,
      contact: 'a-number@example.com',
      number: available!,
    });
    expect(a.number).toBe(available);
    expect(await numberState(service, available!)).toMatchObject({
      state: 'assigned',
      account_id: a.id,
    });
    const b = await createAccount(service, token, {
      organizationId: sales,
      contact: 'r-number@example.com',
      number: reserved!,
    });
    expect(await numberState(service, reserved!)).toMatchObject({
      state: 'assigned',
      account_id: b.id,
    });

    const taken = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: sales,
        firstName: 'T',
        lastName: 'T',
        contact: 'taken@example.com',
        number: available,
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('NUMBER_UNAVAILABLE');
    // Nothing was left behind: the contact is still free.
    const retry = await createAccount(service, token, {
      organizationId: sales,
      contact: 'taken@example.com',
    });
    expect(retry.status).toBe('not_invited');

    const elsewhere = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: root,
        firstName: 'E',
        lastName: 'E',
        contact: 'elsewhere@example.com',
        number: numbersFrom(2, 1)[0],
      },
    });
    expect(elsewhere.body.error.code).toBe('NUMBER_UNAVAILABLE');
  });

  it('Save & Invite: 201 Invited with an outbox message; 409 NOT_ENOUGH_NUMBERS without capacity', async () => {
    const org = await createOrganization(service, token, 'One Number');
    await addNumbers(service, token, org, numbersFrom(50, 1));
    const invited = await createAccount(service, token, {
      organizationId: org,
      contact: 'first@example.com',
      invite: true,
    });
    expect(invited.status).toBe('invited');
    expect(invited.invitedAt).not.toBeNull();
    expect(await capacityOf(service, token, org)).toBe(0);
    const second = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: org,
        firstName: 'S',
        lastName: 'S',
        contact: 'second@example.com',
        invite: true,
      },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('NOT_ENOUGH_NUMBERS');
    const saved = await createAccount(service, token, {
      organizationId: org,
      contact: 'second@example.com',
    });
    expect(saved.status).toBe('not_invited');
    // The Available number is what the invited account counts on: it cannot be handed out either.
    const grab = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: org,
        firstName: 'G',
        lastName: 'G',
        contact: 'grab@example.com',
        number: numbersFrom(50, 1)[0],
      },
    });
    expect(grab.body.error.code).toBe('NOT_ENOUGH_NUMBERS');
  });

  it('limits linesAllowed to the organization maximum and checks the profile', async () => {
    const res = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: sales,
        firstName: 'L',
        lastName: 'L',
        contact: 'lines@example.com',
        linesAllowed: 6,
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields.linesAllowed).toMatch(/at most 5/);
    const profile = await service.request('POST', '/api/v1/accounts', {
      token,
      body: {
        organizationId: sales,
        firstName: 'L',
        lastName: 'L',
        contact: 'lines@example.com',
        permissionProfileId: 'nope',
      },
    });
    expect(profile.status).toBe(422);
    expect(profile.body.error.details.fields.permissionProfileId).toBeTruthy();
  });

  it('writes an audit event for every change', async () => {
    const events = await service.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'account')
      .execute();
    const actions = new Set(events.map((e) => e.action));
    expect(actions.has('account.created')).toBe(true);
    expect(actions.has('account.created_and_invited')).toBe(true);
  });

  it('answers 403 without the Accounts privilege and 401 without a token', async () => {
    expect((await service.request('POST', '/api/v1/accounts', { body: {} })).status).toBe(401);
    const created = await service.request('POST', '/api/v1/administrators', {
      token,
      body: {
        organizationId: root,
        email: 'viewer@example.com',
        name: 'Viewer',
        privileges: ['reports'],
      },
    });
    expect(created.status, created.text).toBe(201);
    const message = await service.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('administrator_id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    const password = /Temporary password: (\S+)/.exec(message.body)?.[1];
    const viewer = await service.login('viewer@example.com', password);
    const res = await service.request('POST', '/api/v1/accounts', {
      token: viewer,
      body: { organizationId: sales, firstName: 'V', lastName: 'V', contact: 'v@example.com' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});
