// Move (capacity in the destination, the exact sentence, numbers move along) and Delete (release or
// reserve RE-INVITE, contact freed), on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVE_NOT_ENOUGH_NUMBERS_MESSAGE } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import {
  addNumbers,
  capacityOf,
  createAccount,
  createOrganization,
  numberState,
  numbersFrom,
} from './accounts-helpers';

describe.each(serviceBackends())('account move and delete on $name', (backend) => {
  let service: TestService;
  let token: string;

  const post = (path: string, body: unknown) =>
    service.request('POST', `/api/v1/accounts/${path}`, { token, body });

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
  });
  afterAll(() => service?.close());

  it('move-check and move: capacity in the destination, numbers move with their accounts', async () => {
    const from = await createOrganization(service, token, 'Move From');
    const to = await createOrganization(service, token, 'Move To');
    const [n1, n2] = numbersFrom(500, 2);
    await addNumbers(service, token, from, [n1!, n2!]);
    const waiting = await createAccount(service, token, {
      organizationId: from,
      contact: 'waiting.move@example.com',
      invite: true,
    });
    const holding = await createAccount(service, token, {
      organizationId: from,
      contact: 'holding.move@example.com',
      number: n1!,
      invite: true,
    });
    const check = await service.request('GET', '/api/v1/accounts/move-check', {
      token,
      query: { accountIds: `${waiting.id},${holding.id}`, targetOrganizationId: to },
    });
    expect(check.body).toEqual({ allowed: false, message: MOVE_NOT_ENOUGH_NUMBERS_MESSAGE });
    expect(MOVE_NOT_ENOUGH_NUMBERS_MESSAGE).toBe(
      'Unable to move account(s). You do not have enough numbers available in the selected organization',
    );
    const refused = await post('move', {
      accountIds: [waiting.id, holding.id],
      targetOrganizationId: to,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'NOT_ENOUGH_NUMBERS',
      message: MOVE_NOT_ENOUGH_NUMBERS_MESSAGE,
    });

    const holdingOnly = await service.request('GET', '/api/v1/accounts/move-check', {
      token,
      query: { accountIds: holding.id, targetOrganizationId: to },
    });
    expect(holdingOnly.body).toEqual({ allowed: true });
    const moved = await post('move', { accountIds: [holding.id], targetOrganizationId: to });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toEqual({ moved: 1 });
    expect(
      (await service.request('GET', `/api/v1/accounts/${holding.id}`, { token })).body
        .organizationId,
    ).toBe(to);
    expect(await numberState(service, n1!)).toMatchObject({
      organization_id: to,
      state: 'assigned',
      account_id: holding.id,
    });

    await addNumbers(service, token, to, numbersFrom(520, 1));
    const nowAllowed = await post('move', { accountIds: [waiting.id], targetOrganizationId: to });
    expect(nowAllowed.body).toEqual({ moved: 1 });
    expect(await capacityOf(service, token, to)).toBe(0);
    expect(await capacityOf(service, token, from)).toBe(1);
    const unknown = await post('move', {
      accountIds: [waiting.id],
      targetOrganizationId: 'nowhere',
    });
    expect(unknown.status).toBe(404);
  });

  it('delete releases or reserves (RE-INVITE) the number and frees the contact', async () => {
    const org = await createOrganization(service, token, 'Delete Org');
    const [n1, n2] = numbersFrom(600, 2);
    await addNumbers(service, token, org, [n1!, n2!]);
    const a = await createAccount(service, token, {
      organizationId: org,
      contact: 'del.a@example.com',
      number: n1!,
      invite: true,
    });
    const b = await createAccount(service, token, {
      organizationId: org,
      contact: 'del.b@example.com',
      number: n2!,
    });
    await service.db
      .updateTable('numbers')
      .set({ state: 'registered' })
      .where('number', '=', n2!)
      .execute();
    expect(
      (await post('delete', { accountIds: [a.id], numberDisposition: 'release' })).body,
    ).toEqual({ deleted: 1 });
    expect(await numberState(service, n1!)).toEqual({
      state: 'available',
      tag: null,
      account_id: null,
      organization_id: org,
    });
    expect(
      (await post('delete', { accountIds: [b.id], numberDisposition: 'reserve' })).body,
    ).toEqual({ deleted: 1 });
    expect(await numberState(service, n2!)).toEqual({
      state: 'reserved',
      tag: 'RE-INVITE',
      account_id: null,
      organization_id: org,
    });
    expect((await service.request('GET', `/api/v1/accounts/${a.id}`, { token })).status).toBe(404);
    // Invite again with the reserved number: the contact is free again.
    const again = await createAccount(service, token, {
      organizationId: org,
      contact: 'del.b@example.com',
      number: n2!,
      invite: true,
    });
    expect(again).toMatchObject({ number: n2, status: 'invited' });
    const missing = await post('delete', { accountIds: ['missing'], numberDisposition: 'release' });
    expect(missing.status).toBe(404);
  });
});
