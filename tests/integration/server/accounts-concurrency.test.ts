// Concurrency on SQLite and PostgreSQL: two invitations competing for the last capacity, and one
// number assigned twice at once — exactly one wins every time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  capacityOf,
  createAccount,
  createOrganization,
  numbersFrom,
} from './accounts-helpers';

describe.each(serviceBackends())('account races on $name', (backend) => {
  let service: TestService;
  let token: string;

  const post = (path: string, body: unknown) =>
    service.request('POST', `/api/v1/accounts/${path}`, { token, body });

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service?.close());

  it('two simultaneous invites competing for the last capacity: exactly one succeeds', async () => {
    const org = await createOrganization(service, token, 'Race Capacity');
    await addNumbers(service, token, org, numbersFrom(700, 1));
    const p = await createAccount(service, token, {
      organizationId: org,
      contact: 'race.p@example.com',
    });
    const q = await createAccount(service, token, {
      organizationId: org,
      contact: 'race.q@example.com',
    });
    const answers = await Promise.all([
      post('invite', { accountIds: [p.id] }),
      post('invite', { accountIds: [q.id] }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await capacityOf(service, token, org)).toBe(0);
    const invited = await service.db
      .selectFrom('accounts')
      .select('id')
      .where('organization_id', '=', org)
      .where('status', '=', 'invited')
      .execute();
    expect(invited).toHaveLength(1);
  });

  it('two simultaneous Save & Invite without a number competing for the last capacity: one 201, one 409', async () => {
    const org = await createOrganization(service, token, 'Race Create');
    await addNumbers(service, token, org, numbersFrom(710, 1));
    const answers = await Promise.all(
      ['one', 'two'].map((name) =>
        service.request('POST', '/api/v1/accounts', {
          token,
          body: {
            organizationId: org,
            firstName: 'R',
            lastName: name,
            contact: `race.${name}@example.com`,
            invite: true,
          },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });

  it('the same number assigned twice at once: exactly one account gets it', async () => {
    const org = await createOrganization(service, token, 'Race Number');
    const [contested] = numbersFrom(720, 1);
    await addNumbers(service, token, org, [contested!]);
    await service.request('PATCH', `/api/v1/numbers/${contested}`, {
      token,
      body: { state: 'reserved', tag: 'PORTED' },
    });
    const answers = await Promise.all(
      ['one', 'two'].map((name) =>
        service.request('POST', '/api/v1/accounts', {
          token,
          body: {
            organizationId: org,
            firstName: 'N',
            lastName: name,
            contact: `number.${name}@example.com`,
            number: contested,
          },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('NUMBER_UNAVAILABLE');
    const holders = await service.db
      .selectFrom('accounts')
      .select('id')
      .where('number', '=', contested!)
      .execute();
    expect(holders).toHaveLength(1);
  });
});
