// GET /api/v1/accounts/export.csv on SQLite and PostgreSQL: template columns + Status, the list's
// filters, RFC 4180 quoting, and formula-looking cells neutralised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { TEMPLATE_HEADER } from '../../../common/csv';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';

describe.each(serviceBackends())('accounts export on $name', (backend) => {
  let service: TestService;
  let token: string;
  let org: string;

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
    org = await createOrganization(service, token, 'Export Org');
    await addNumbers(service, token, org, numbersFrom(0, 3));
    await createAccount(service, token, {
      organizationId: org,
      firstName: '=HYPERLINK("x")',
      lastName: 'Smith, Jr.',
      contact: 'formula@example.com',
    });
    await createAccount(service, token, {
      organizationId: org,
      firstName: 'Ann',
      lastName: 'Lee',
      contact: '+1 202 555 0166',
      number: numbersFrom(0, 1)[0]!,
      invite: true,
      linesAllowed: 2,
    });
  });
  afterAll(() => service?.close());

  it('writes the template columns plus Status, neutralising formula cells', async () => {
    const res = await fetch(
      `${service.url}/api/v1/accounts/export.csv?organizationId=${org}&sort=lastName:asc`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="accounts-/);
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`${TEMPLATE_HEADER},Status`);
    const rows = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
    expect(rows.slice(1)).toEqual([
      [
        'Ann',
        'Lee',
        "'+12025550166",
        '2',
        'Default User Permissions (Default)',
        `'${numbersFrom(0, 1)[0]}`,
        'Invited',
      ],
      [
        `'=HYPERLINK("x")`,
        'Smith, Jr.',
        'formula@example.com',
        '1',
        'Default User Permissions (Default)',
        '',
        'Not Invited',
      ],
    ]);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('applies the list filters and answers 401/404 like the list', async () => {
    const res = await service.request('GET', '/api/v1/accounts/export.csv', {
      token,
      query: { organizationId: org, status: 'invited' },
    });
    expect(res.status).toBe(200);
    expect(res.text.trim().split('\r\n')).toHaveLength(2);
    expect((await service.request('GET', '/api/v1/accounts/export.csv')).status).toBe(401);
    expect(
      (
        await service.request('GET', '/api/v1/accounts/export.csv', {
          token,
          query: { organizationId: 'x' },
        })
      ).status,
    ).toBe(404);
  });
});
