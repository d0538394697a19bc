// What a spec puts in the service before it opens the app: named accounts (in a fresh organization
// with its own pool numbers, or in the administrator's own) and colleague administrators. Every name
// carries one tag of the test's own, so parallel tests and earlier runs never match each other's rows.
import type { Account } from '../../../common/api/accounts';
import type { Organization } from '../../../common/api/organizations';
import { uniqueName, uniqueTag, type ServiceApi } from './service-api';

export interface Person {
  first: string;
  /** Sends the invitation when the account is added (default: not invited). */
  invite?: boolean;
  /** Gives the account this number of the seeded pool (its index), instead of none. */
  poolIndex?: number;
}

export interface SeededAccounts<People extends readonly Person[] = Person[]> {
  /** In every last name ("<surname> <tag>") and contact ("<first>.<tag>@example.com"). */
  tag: string;
  /** One per person, in the same order. */
  accounts: { -readonly [Index in keyof People]: Account };
}

/** One account per person in `organizationId`, named "<first> <surname> <tag>". */
export async function seedAccounts<const People extends readonly Person[]>(
  api: ServiceApi,
  options: { organizationId: string; surname: string; people: People; numbers?: string[] },
): Promise<SeededAccounts<People>> {
  const tag = uniqueTag();
  const accounts: Account[] = [];
  for (const person of options.people) {
    const number = person.poolIndex === undefined ? undefined : options.numbers?.[person.poolIndex];
    accounts.push(
      await api.createAccount({
        organizationId: options.organizationId,
        firstName: person.first,
        lastName: `${options.surname} ${tag}`,
        // Letters only: a first name may be a formula or carry spaces, a contact may not.
        contact: `${person.first.toLowerCase().replace(/[^a-z]/g, '')}.${tag}@example.com`,
        invite: person.invite ?? false,
        ...(number ? { number } : {}),
      }),
    );
  }
  return { tag, accounts: accounts as SeededAccounts<People>['accounts'] };
}

/** A fresh organization ("<name> <unique>") with `numbers` pool numbers and the people's accounts. */
export async function seedOrganization<const People extends readonly Person[]>(
  api: ServiceApi,
  options: { name: string; numbers: number; surname: string; people: People },
): Promise<SeededAccounts<People> & { organization: Organization; numbers: string[] }> {
  const organization = await api.createOrganization(uniqueName(options.name));
  const numbers = await api.addNumbers(organization.id, options.numbers);
  const seeded = await seedAccounts(api, { ...options, organizationId: organization.id, numbers });
  return { ...seeded, organization, numbers };
}

/** A colleague administrator in the signed-in administrator's organization, Reports privilege only. */
export async function seedColleague(
  api: ServiceApi,
  name: string,
  email: string,
): Promise<{ id: string }> {
  return api.request<{ id: string }>('POST', '/administrators', {
    name,
    email,
    organizationId: (await api.me()).organizationId,
    privileges: ['reports'],
  });
}
