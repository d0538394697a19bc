// The accounts, numbers and outbox DTOs validate what api.md says and nothing else.
import { describe, expect, it } from 'vitest';
import {
  createAccountBodySchema,
  listAccountsQuerySchema,
  moveCheckQuerySchema,
  patchAccountBodySchema,
} from '../../common/api/accounts';
import {
  addNumbersBodySchema,
  listNumbersQuerySchema,
  patchNumberBodySchema,
} from '../../common/api/numbers';
import { listOutboxQuerySchema } from '../../common/api/outbox';

describe('accounts DTOs', () => {
  it('fills defaults on create', () => {
    const body = createAccountBodySchema.parse({
      organizationId: '1',
      firstName: ' Jane ',
      lastName: 'Doe',
      contact: '12025550143',
    });
    expect(body).toMatchObject({
      firstName: 'Jane',
      applications: ['MultiLine'],
      linesAllowed: 1,
      invite: false,
    });
  });

  it('reports a national device number on the contact field', () => {
    const result = createAccountBodySchema.safeParse({
      organizationId: '1',
      firstName: 'Jane',
      lastName: 'Doe',
      contact: '2025550143',
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['contact']);
    expect(issue?.message).toMatch(/country code/);
  });

  it('refuses a number that is not E.164 and an unknown application', () => {
    const base = { organizationId: '1', firstName: 'J', lastName: 'D', contact: 'j@d.com' };
    expect(createAccountBodySchema.safeParse({ ...base, number: '2025550143' }).success).toBe(
      false,
    );
    expect(createAccountBodySchema.safeParse({ ...base, applications: ['Other'] }).success).toBe(
      false,
    );
    expect(patchAccountBodySchema.safeParse({ number: null }).success).toBe(true);
  });

  it('parses list filters and sort', () => {
    const query = listAccountsQuerySchema.parse({
      status: 'invited, not_invited',
      includeSubOrganizations: 'true',
      sort: 'lastName:desc',
      page: '2',
    });
    expect(query).toMatchObject({
      status: ['invited', 'not_invited'],
      includeSubOrganizations: true,
      sort: { field: 'lastName', direction: 'desc' },
      page: 2,
      pageSize: 50,
    });
    expect(listAccountsQuerySchema.parse({ sort: 'status:asc' }).sort).toEqual({
      field: 'status',
      direction: 'asc',
    });
    expect(listAccountsQuerySchema.safeParse({ sort: 'password:asc' }).success).toBe(false);
    expect(listAccountsQuerySchema.safeParse({ status: 'gone' }).success).toBe(false);
    expect(listAccountsQuerySchema.safeParse({ pageSize: '501' }).success).toBe(false);
  });

  it('splits move-check account ids', () => {
    expect(
      moveCheckQuerySchema.parse({ accountIds: 'a,b', targetOrganizationId: '2' }).accountIds,
    ).toEqual(['a', 'b']);
  });
});

describe('numbers DTOs', () => {
  it('accepts E.164 pool numbers only', () => {
    expect(
      addNumbersBodySchema.safeParse({ organizationId: '1', numbers: ['+12025550143'] }).success,
    ).toBe(true);
    expect(
      addNumbersBodySchema.safeParse({ organizationId: '1', numbers: ['12025550143'] }).success,
    ).toBe(false);
    expect(addNumbersBodySchema.safeParse({ organizationId: '1', numbers: [] }).success).toBe(
      false,
    );
  });

  it('patches either a state or an organization', () => {
    expect(patchNumberBodySchema.safeParse({ state: 'reserved', tag: 'PORTED' }).success).toBe(
      true,
    );
    expect(patchNumberBodySchema.safeParse({ organizationId: '2' }).success).toBe(true);
    expect(patchNumberBodySchema.safeParse({ state: 'assigned' }).success).toBe(false);
    expect(
      patchNumberBodySchema.safeParse({ state: 'available', organizationId: '2' }).success,
    ).toBe(false);
  });

  it('reads a state list', () => {
    expect(listNumbersQuerySchema.parse({ state: 'available,reserved' }).state).toEqual([
      'available',
      'reserved',
    ]);
  });
});

describe('outbox DTOs', () => {
  it('pages', () => {
    expect(listOutboxQuerySchema.parse({ accountId: 'x' })).toEqual({
      accountId: 'x',
      page: 1,
      pageSize: 50,
    });
  });
});
