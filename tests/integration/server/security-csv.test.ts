// Security rule "CSV out" on SQLite and PostgreSQL: results.csv and export.csv neutralise, by a
// leading ', a cell starting with a tab or CR or whose first non-blank character is = + - @ or a
// full-width form (＝＋－＠). The rule itself: tests/unit/common/csv/writer.test.ts.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeFormula } from '../../../common/csv';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';
import { openImport, person, sendChunk } from './imports-helpers';

const hostile = [' =1+1', '＝HYPERLINK("http://evil.example","open")', '\t=cmd', '  ＠SUM(A1)'];

describe.each(serviceBackends())('formula cells in every CSV on $name', (backend) => {
  let service: TestService;
  let token: string;
  let org: string;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    token = await service.login();
    org = await createOrganization(service, token, 'Formula Org');
  });
  afterAll(() => service.close());

  it('results.csv neutralises blanks-first and full-width formulas', async () => {
    const job = await openImport(service, token, { organizationId: org });
    const rows = hostile.map((name, index) =>
      person(index + 2, `formula${index}@example.com`, { firstName: name, lastName: name }),
    );
    const chunk = await sendChunk(service, token, job.id, 0, rows);
    expect(chunk.status, chunk.text).toBe(200);
    const csv = await service.request('GET', `/api/v1/imports/${job.id}/results.csv`, { token });
    expect(csv.status).toBe(200);
    const parsed = Papa.parse<string[]>(csv.text, { skipEmptyLines: true }).data.slice(1);
    expect(parsed.map((row) => row.slice(0, 2))).toEqual(
      hostile.map((name) => [`'${name}`, `'${name}`]),
    );
  });

  it('export.csv neutralises blanks-first and full-width formulas', async () => {
    await addNumbers(service, token, org, numbersFrom(900, hostile.length));
    for (const [index, name] of hostile.entries()) {
      await createAccount(service, token, {
        organizationId: org,
        firstName: name,
        lastName: `Formula ${index}`,
        contact: `exported${index}@example.com`,
      });
    }
    const res = await service.request('GET', '/api/v1/accounts/export.csv', {
      token,
      query: { organizationId: org, q: 'exported' },
    });
    expect(res.status).toBe(200);
    const firstNames = Papa.parse<string[]>(res.text, { skipEmptyLines: true })
      .data.slice(1)
      .map((row) => row[0]);
    // Names are stored trimmed; whatever is stored, the CSV cell is neutralised.
    expect(firstNames.sort()).toEqual(hostile.map((name) => `'${name.trim()}`).sort());
  });

  it('audit-events.csv neutralises formulas in names, and no cell of any CSV starts one', async () => {
    const created = await service.request('POST', '/api/v1/administrators', {
      token,
      body: {
        organizationId: org,
        email: 'formula-admin@example.com',
        name: '＠SUM(1+1)',
        privileges: [],
      },
    });
    expect(created.status, created.text).toBe(201);
    const res = await service.request('GET', '/api/v1/audit-events.csv', { token });
    expect(res.status, res.text).toBe(200);
    const cells = Papa.parse<string[]>(res.text, { skipEmptyLines: true }).data.flat();
    expect(cells).toContain("'＠SUM(1+1)");
    expect(cells.filter((cell) => looksLikeFormula(cell))).toEqual([]);
  });
});
