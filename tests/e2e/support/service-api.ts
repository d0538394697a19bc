// Talks to the e2e service over real HTTP, as the bootstrap administrator: creates each test's own
// organization and numbers (so parallel tests never see each other's data) and reads what the UI did.
import { randomInt } from 'node:crypto';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import type { Account } from '../../../common/api/accounts';
import type { Organization } from '../../../common/api/organizations';
import type { PoolNumber } from '../../../common/api/numbers';
import type { Paged } from '../../../common/api/paging';
import { bootstrapAdministrator, e2eEnvironment } from './e2e-env';

export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  subject: string | null;
  body: string;
  accountId: string | null;
  status: 'kept' | 'queued' | 'sent' | 'failed';
  createdAt: string;
}

export class ServiceApi {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Signs in to the run's service, or to `serviceUrl` (a test's own service process). */
  static async signIn(serviceUrl = e2eEnvironment().serviceUrl): Promise<ServiceApi> {
    const response = await fetch(`${serviceUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bootstrapAdministrator),
    });
    if (!response.ok)
      throw new Error(
        `Sign-in to the e2e service failed: ${response.status} ${await response.text()}`,
      );
    const session = (await response.json()) as { accessToken: string };
    return new ServiceApi(serviceUrl, session.accessToken);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (response.headers.get('content-type') ?? '').includes('json')
      ? (JSON.parse(text) as T)
      : (text as T);
  }

  async me(): Promise<{ id: string; organizationId: string }> {
    return this.request('GET', '/me');
  }

  async organizations(): Promise<Organization[]> {
    return (await this.request<Paged<Organization>>('GET', '/organizations?pageSize=500')).items;
  }

  async createOrganization(name: string, parentId?: string): Promise<Organization> {
    const parent = parentId ?? (await this.me()).organizationId;
    return this.request('POST', '/organizations', { name, parentId: parent });
  }

  /** Adds `count` fresh, valid, service-wide unique US numbers to an organization's pool. */
  async addNumbers(organizationId: string, count: number): Promise<string[]> {
    const numbers = randomUsNumbers(count);
    await this.request('POST', '/numbers', { organizationId, numbers });
    return numbers;
  }

  async numbers(organizationId: string): Promise<PoolNumber[]> {
    return (
      await this.request<Paged<PoolNumber>>(
        'GET',
        `/numbers?organizationId=${organizationId}&pageSize=500`,
      )
    ).items;
  }

  async createAccount(body: Record<string, unknown>): Promise<Account> {
    return this.request('POST', '/accounts', {
      applications: ['MultiLine'],
      linesAllowed: 1,
      invite: false,
      ...body,
    });
  }

  async accounts(query: Record<string, string>): Promise<Paged<Account>> {
    return this.request('GET', `/accounts?${new URLSearchParams(query).toString()}`);
  }

  async account(id: string): Promise<Account> {
    return this.request('GET', `/accounts/${id}`);
  }

  /** The temporary password of an administrator's invitation, read from the kept outbox message. */
  async temporaryPassword(email: string): Promise<string> {
    for (let page = 1; page <= 100; page += 1) {
      const batch = await this.request<Paged<OutboxMessage>>(
        'GET',
        `/outbox?page=${page}&pageSize=500`,
      );
      const message = batch.items.filter((item) => item.to === email).at(-1);
      const match = message && /Temporary password: (\S+)/.exec(message.body);
      if (match?.[1]) return match[1];
      if (page * 500 >= batch.total) break;
    }
    throw new Error(`No administrator invitation was found for ${email}.`);
  }

  async outbox(accountId: string): Promise<OutboxMessage[]> {
    return (
      await this.request<Paged<OutboxMessage>>('GET', `/outbox?accountId=${accountId}&pageSize=100`)
    ).items;
  }
}

/** A short mark no other test (or earlier run) uses, e.g. for the names and contacts a test adds. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${randomInt(1000).toString(36)}`;
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${uniqueTag()}`;
}

/** Valid US numbers (E.164) unlikely to be used by any other test or the demo data. */
export function randomUsNumbers(count: number): string[] {
  const numbers = new Set<string>();
  while (numbers.size < count) {
    const area = [202, 312, 415, 617, 212][randomInt(5)];
    const candidate = `+1${area}${randomInt(200, 999)}${String(randomInt(10_000)).padStart(4, '0')}`;
    if (isValidPhoneNumber(candidate)) numbers.add(candidate);
  }
  return [...numbers];
}
