// Small helpers for the accounts, numbers, outbox and export suites: organizations, pools and
// accounts created through the public API, so every test exercises the real routes.
import { expect } from 'vitest';
import type { Account } from '../../../common/api/accounts';
import type { TestService } from '../../support/service';

export function numbersFrom(start: number, count: number, prefix = '+1202555'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(start + i).padStart(4, '0')}`);
}

export async function createOrganization(
  service: TestService,
  token: string,
  name: string,
  parentId = service.rootOrganizationId,
): Promise<string> {
  const res = await service.request('POST', '/api/v1/organizations', {
    token,
    body: { name, parentId },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

export async function addNumbers(
  service: TestService,
  token: string,
  organizationId: string,
  numbers: string[],
): Promise<void> {
  const res = await service.request('POST', '/api/v1/numbers', {
    token,
    body: { organizationId, numbers },
  });
  expect(res.status, res.text).toBe(201);
}

export interface NewAccount {
  organizationId: string;
  contact: string;
  firstName?: string;
  lastName?: string;
  number?: string | null;
  invite?: boolean;
  linesAllowed?: number;
}

export async function createAccount(
  service: TestService,
  token: string,
  account: NewAccount,
): Promise<Account> {
  const res = await service.request('POST', '/api/v1/accounts', {
    token,
    body: { firstName: 'Test', lastName: 'User', ...account },
  });
  expect(res.status, res.text).toBe(201);
  return res.body as Account;
}

export async function capacityOf(
  service: TestService,
  token: string,
  organizationId: string,
): Promise<number> {
  const res = await service.request('GET', '/api/v1/organizations', {
    token,
    query: { pageSize: '500' },
  });
  expect(res.status, res.text).toBe(200);
  const organization = (res.body.items as { id: string; capacity: number }[]).find(
    (item) => item.id === organizationId,
  );
  if (!organization) throw new Error(`organization ${organizationId} not listed`);
  return organization.capacity;
}

export async function numberState(service: TestService, number: string) {
  return service.db
    .selectFrom('numbers')
    .select(['state', 'tag', 'account_id', 'organization_id'])
    .where('number', '=', number)
    .executeTakeFirst();
}
