// The accounts search through the trigram indexes (migration 004) must answer exactly like the plain
// substring match: quotes and FTS/LIKE syntax in q are literal text, 1–2 character queries (which
// the indexes cannot serve) still match, and the index follows edits and deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/api/accounts';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { createAccount } from './accounts-helpers';

/** ASCII names only: SQLite's lower() folds ASCII alone, so non-ASCII case differs by backend. */
const people = [
  { firstName: 'Ann "AJ"', lastName: "O'Brien-Ward", contact: 'ann.obrien@example.com' },
  { firstName: 'Bo', lastName: 'Li (Admin)', contact: 'bo.li@example.org' },
  { firstName: 'Cy', lastName: 'Star*Power', contact: '+1 (303) 555-0177' },
  { firstName: 'Dee', lastName: 'NEAR AND OR ^col:on', contact: 'dee@example.net' },
  { firstName: 'Ed', lastName: '100% Sure_ly \\x', contact: 'ed@example.com' },
];

/** What the search must answer: a case-insensitive substring of one field (or of "first last"). */
function expectedNames(accounts: Account[], q: string): string[] {
  const needle = q.toLowerCase();
  return accounts
    .filter((a) =>
      [`${a.firstName} ${a.lastName}`, a.username, a.contact, a.number ?? ''].some((field) =>
        field.toLowerCase().includes(needle),
      ),
    )
    .map((a) => `${a.firstName} ${a.lastName}`)
    .sort();
}

describe.each(serviceBackends())('accounts search index on $name', (backend) => {
  let service: TestService;
  let token: string;
  let organizationId: string;
  let accounts: Account[] = [];

  async function names(q: string) {
    const res = await service.request('GET', '/api/v1/accounts', {
      token,
      query: { q, organizationId, pageSize: '100' },
    });
    expect(res.status, `${q}: ${res.text}`).toBe(200);
    const body = res.body as { items: Account[]; total: number };
    expect(body.total, q).toBe(body.items.length);
    return body.items.map((a) => `${a.firstName} ${a.lastName}`).sort();
  }

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    const res = await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 'Search Index', parentId: service.rootOrganizationId },
    });
    expect(res.status, res.text).toBe(201);
    organizationId = res.body.id as string;
    for (const person of people)
      accounts.push(await createAccount(service, token, { organizationId, ...person }));
  });
  afterAll(() => service?.close());

  it('treats quotes, FTS operators and LIKE wildcards in q as literal text', async () => {
    const queries = [
      '"AJ"',
      '"aj" o\'b',
      "o'brien",
      "'BRIEN-w",
      'li (admin)',
      '(admin',
      'star*',
      'r*p',
      '*',
      'near and or',
      'NEAR(',
      'and',
      'or',
      '^col:on',
      'col:',
      '100%',
      '0% s',
      'sure_ly',
      're_l',
      'ly \\x',
      '\\',
      '"',
      '""',
      '"""',
      "'",
      '-',
      'ann" "aj',
    ];
    for (const q of queries) expect(await names(q), q).toEqual(expectedNames(accounts, q));
    // A few answers spelled out, so the oracle above cannot hide a shared mistake.
    expect(await names('"AJ"')).toEqual(['Ann "AJ" O\'Brien-Ward']);
    expect(await names('star*')).toEqual(['Cy Star*Power']);
    expect(await names('100%')).toEqual(['Ed 100% Sure_ly \\x']);
    expect(await names('NEAR(')).toEqual([]);
  });

  it('answers 1 and 2 character queries, which the trigram index cannot serve', async () => {
    for (const q of ['a', 'B', 'li', 'LI', "o'", '"a', '%', '_', 'y ', '*p', '55', '03'])
      expect(await names(q), q).toEqual(expectedNames(accounts, q));
    expect(await names('bo')).toEqual(['Bo Li (Admin)']);
    expect(await names('"')).toEqual(['Ann "AJ" O\'Brien-Ward']);
  });

  it('matches phone digits however punctuated, short digit runs included', async () => {
    expect(await names('(303) 555-01')).toEqual(['Cy Star*Power']);
    expect(await names('3035550177')).toEqual(['Cy Star*Power']);
    // Two digits ("77") after punctuation: the unindexed path.
    expect(await names('-77')).toEqual(['Cy Star*Power']);
    expect(await names('(303) 555-9')).toEqual([]);
  });

  it('follows edits and deletes', async () => {
    const bo = accounts.find((a) => a.firstName === 'Bo')!;
    const edited = await service.request('PATCH', `/api/v1/accounts/${bo.id}`, {
      token,
      body: { lastName: 'Renamed "Q"' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(await names('li (admin)')).toEqual([]);
    expect(await names('renamed "q')).toEqual(['Bo Renamed "Q"']);
    const deleted = await service.request('POST', '/api/v1/accounts/delete', {
      token,
      body: { accountIds: [bo.id], numberDisposition: 'reserve' },
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect(await names('renamed')).toEqual([]);
    accounts = accounts.filter((a) => a.id !== bo.id);
    for (const q of ['example', 'ann', "o'b"])
      expect(await names(q), q).toEqual(expectedNames(accounts, q));
  });
});
