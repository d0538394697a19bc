// CSV imports on SQLite and PostgreSQL: the job's Idempotency-Key, chunks that are all-or-nothing
// and answer the same when sent again, outcomes, completion (with invitations exactly once),
// NOT_ENOUGH_NUMBERS leaving the job open, history, results.csv and the template.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_HEADER } from '../../../common/csv';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';
import { countRows, openImport, person, sendChunk } from './imports-helpers';

describe.each(serviceBackends())('imports on $name', (backend) => {
  let service: TestService;
  let token: string;
  let organizationId: string;

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
    organizationId = await createOrganization(service, token, 'Imports Org');
  });
  afterAll(() => service.close());

  it('serves the template with the exact header', async () => {
    const res = await service.request('GET', '/api/v1/imports/template.csv', { token });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text).toBe(`${TEMPLATE_HEADER}\r\n`);
    const anonymous = await service.request('GET', '/api/v1/imports/template.csv');
    expect(anonymous.status).toBe(401);
  });

  it('opens a job once per Idempotency-Key', async () => {
    const key = randomUUID();
    const body = {
      organizationId,
      applications: ['MultiLine'],
      invite: false,
      fileName: 'a.csv',
      rowCount: 3,
    };
    const first = await service.request('POST', '/api/v1/imports', {
      token,
      headers: { 'idempotency-key': key },
      body,
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      status: 'open',
      fileName: 'a.csv',
      rowCount: 3,
      invite: false,
    });
    expect(first.body.counts).toEqual({ created: 0, invalid: 0, duplicate: 0, invited: 0 });
    const again = await service.request('POST', '/api/v1/imports', {
      token,
      headers: { 'idempotency-key': key },
      body,
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const reused = await service.request('POST', '/api/v1/imports', {
      token,
      headers: { 'idempotency-key': key },
      body: { ...body, rowCount: 4 },
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const outside = await service.request('POST', '/api/v1/imports', {
      token,
      body: { ...body, organizationId: 'no-such-org' },
    });
    expect(outside.status).toBe(404);
  });

  it('creates, refuses and flags rows; a chunk sent again answers the same and creates nothing', async () => {
    await createAccount(service, token, { organizationId, contact: 'existing@example.com' });
    const [pooled] = numbersFrom(3100, 1);
    await addNumbers(service, token, organizationId, [pooled!]);
    const job = await openImport(service, token, { organizationId, rowCount: 7 });
    const rows = [
      person(2, 'Ann@Example.com', { linesAllowed: '2', number: pooled! }),
      person(3, '+1 202 555 0143'),
      person(4, 'existing@EXAMPLE.com'),
      person(5, '2025550143'),
      person(6, 'ann@example.com'),
      { rowNumber: 7, firstName: '=cmd()', lastName: 'X', contact: 'formula@example.com' },
      person(8, 'lines@example.com', { linesAllowed: '9' }),
    ];
    const before = await countRows(service, 'accounts');
    const res = await sendChunk(service, token, job.id, 0, rows);
    expect(res.status, res.text).toBe(200);
    const results = res.body.results as {
      rowNumber: number;
      outcome: string;
      accountId?: string;
      errors?: { column: string; message: string }[];
    }[];
    expect(results.map((r) => [r.rowNumber, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'duplicate'],
      [5, 'invalid'],
      [6, 'duplicate'],
      [7, 'invalid'],
      [8, 'invalid'],
    ]);
    expect(results[2]?.errors?.[0]?.message).toBe(
      'Row 4, Email or Device #: existing@example.com already has an account.',
    );
    expect(results[3]?.errors?.[0]?.message).toMatch(/^Row 5, Email or Device #: .*country code/);
    expect(results[4]?.errors?.[0]?.message).toBe(
      'Row 6, Email or Device #: ann@example.com is already on row 2.',
    );
    expect(results[5]?.errors?.[0]).toMatchObject({ column: 'firstName' });
    expect(results[6]?.errors?.[0]?.message).toBe(
      'Row 8, Number Of Lines Allowed: "9" must be a whole number from 1 to 5.',
    );
    expect(await countRows(service, 'accounts')).toBe(before + 2);
    const ann = await service.request('GET', `/api/v1/accounts/${results[0]?.accountId}`, {
      token,
    });
    expect(ann.body).toMatchObject({
      contact: 'ann@example.com',
      linesAllowed: 2,
      number: pooled,
      status: 'not_invited',
    });

    const again = await sendChunk(service, token, job.id, 0, rows);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await countRows(service, 'accounts')).toBe(before + 2);

    // A later chunk sees the earlier chunk's contacts.
    const next = await sendChunk(service, token, job.id, 1, [person(9, '12025550143')]);
    expect(next.body.results[0]).toMatchObject({ outcome: 'duplicate' });
    expect(next.body.results[0].errors[0].message).toBe(
      'Row 9, Email or Device #: +12025550143 is already on row 3.',
    );

    const read = await service.request('GET', `/api/v1/imports/${job.id}`, { token });
    expect(read.body).toMatchObject({
      status: 'open',
      chunksReceived: 2,
      counts: { created: 2, invalid: 3, duplicate: 3, invited: 0 },
    });

    const csv = await service.request('GET', `/api/v1/imports/${job.id}/results.csv`, { token });
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe(`${TEMPLATE_HEADER},Row,Outcome,Account ID,Errors`);
    const parsed = Papa.parse<string[]>(csv.text, { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(9);
    expect(parsed[2]?.slice(0, 3)).toEqual(['First3', 'Last3', "'+1 202 555 0143"]);
    expect(parsed[6]?.[0]).toBe("'=cmd()");
    expect(parsed[6]?.slice(6, 8)).toEqual(['7', 'Invalid']);
  });

  it('completes without invite, and a second call answers the same job', async () => {
    const job = await openImport(service, token, { organizationId });
    await sendChunk(service, token, job.id, 0, [person(2, 'plain1@example.com')]);
    const done = await service.request('POST', `/api/v1/imports/${job.id}/complete`, { token });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', counts: { created: 1, invited: 0 } });
    expect(done.body.completedAt).toEqual(expect.any(String));
    const twice = await service.request('POST', `/api/v1/imports/${job.id}/complete`, { token });
    expect(twice.body).toEqual(done.body);
    const late = await sendChunk(service, token, job.id, 1, [person(3, 'late@example.com')]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('IMPORT_NOT_OPEN');
    const replay = await sendChunk(service, token, job.id, 0, [person(2, 'plain1@example.com')]);
    expect(replay.status).toBe(200);
    expect(replay.body.results[0].outcome).toBe('created');
  });

  it('keeps the job open on NOT_ENOUGH_NUMBERS, then invites each account once even when completed twice at once', async () => {
    const org = await createOrganization(service, token, 'Capacity Org');
    const job = await openImport(service, token, {
      organizationId: org,
      invite: true,
      rowCount: 3,
    });
    const res = await sendChunk(service, token, job.id, 0, [
      person(2, 'cap1@example.com'),
      person(3, 'cap2@example.com'),
      person(4, '+12025550177'),
    ]);
    const ids = (res.body.results as { accountId: string }[]).map((r) => r.accountId);
    expect(ids).toHaveLength(3);
    const refused = await service.request('POST', `/api/v1/imports/${job.id}/complete`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOT_ENOUGH_NUMBERS');
    const statuses = await service.db
      .selectFrom('accounts')
      .select('status')
      .where('id', 'in', ids)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['not_invited', 'not_invited', 'not_invited']);
    expect((await service.request('GET', `/api/v1/imports/${job.id}`, { token })).body.status).toBe(
      'open',
    );

    await addNumbers(service, token, org, numbersFrom(3200, 3));
    const [a, b] = await Promise.all([
      service.request('POST', `/api/v1/imports/${job.id}/complete`, { token }),
      service.request('POST', `/api/v1/imports/${job.id}/complete`, { token }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(a.body.counts).toMatchObject({ created: 3, invited: 3 });
    const messages = await service.db
      .selectFrom('outbox_messages')
      .select('account_id')
      .where('account_id', 'in', ids)
      .execute();
    expect(messages.map((m) => m.account_id).sort()).toEqual([...ids].sort());
    const invitations = await service.db
      .selectFrom('invitations')
      .select('account_id')
      .where('account_id', 'in', ids)
      .execute();
    expect(invitations).toHaveLength(3);
  });

  it('keeps nothing of a chunk that fails part-way, and takes it whole when sent again', async () => {
    // A database trigger makes the third row's insert fail after two accounts were created.
    if (backend.name === 'postgres') {
      await sql`CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN
        IF NEW.contact = 'boom@example.com' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(service.db);
      await sql`CREATE TRIGGER boom BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION boom()`.execute(
        service.db,
      );
    } else {
      await sql`CREATE TRIGGER boom BEFORE INSERT ON accounts WHEN NEW.contact = 'boom@example.com'
        BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(service.db);
    }
    const job = await openImport(service, token, { organizationId });
    const rows = [
      person(2, 'whole1@example.com'),
      person(3, 'whole2@example.com'),
      person(4, 'boom@example.com'),
    ];
    const before = await countRows(service, 'accounts');
    const failed = await sendChunk(service, token, job.id, 0, rows);
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('INTERNAL_ERROR');
    expect(await countRows(service, 'accounts')).toBe(before);
    const read = await service.request('GET', `/api/v1/imports/${job.id}`, { token });
    expect(read.body).toMatchObject({ chunksReceived: 0, counts: { created: 0 } });

    await sql`DROP TRIGGER boom${sql.raw(backend.name === 'postgres' ? ' ON accounts' : '')}`.execute(
      service.db,
    );
    const again = await sendChunk(service, token, job.id, 0, rows);
    expect(again.status, again.text).toBe(200);
    expect(again.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'created',
      'created',
      'created',
    ]);
    expect(await countRows(service, 'accounts')).toBe(before + 3);
  });

  it('stores a chunk sent twice at the same moment once', async () => {
    const job = await openImport(service, token, { organizationId });
    const rows = [person(2, 'twice1@example.com'), person(3, 'twice2@example.com')];
    const before = await countRows(service, 'accounts');
    const [a, b] = await Promise.all([
      sendChunk(service, token, job.id, 0, rows),
      sendChunk(service, token, job.id, 0, rows),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(a.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'created',
      'created',
    ]);
    expect(await countRows(service, 'accounts')).toBe(before + 2);
    const read = await service.request('GET', `/api/v1/imports/${job.id}`, { token });
    expect(read.body).toMatchObject({ chunksReceived: 1, counts: { created: 2 } });
  });

  it('answers junk cells with row outcomes or 422, never a server error', async () => {
    const job = await openImport(service, token, { organizationId });
    const nul = await sendChunk(service, token, job.id, 0, [
      { rowNumber: 2, firstName: 'Nul\u0000Name', lastName: 'X', contact: 'nul@example.com' },
    ]);
    expect(nul.status).toBe(422);
    const res = await sendChunk(service, token, job.id, 0, [
      { rowNumber: 2, firstName: 'Two\nLines', lastName: 'B', contact: 'lines@example.org' },
      { rowNumber: 3, firstName: 'Tab', lastName: 'B\t', contact: 'tab@example.org' },
      {
        rowNumber: 4,
        firstName: 'A',
        lastName: 'B',
        contact: 'ok@example.com',
        linesAllowed: 1e300,
      },
    ]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'invalid',
      'created',
      'invalid',
    ]);
    expect(res.body.results[0].errors[0].message).toBe(
      'Row 2, First Name: contains a line break, tab or other control character; remove it.',
    );
    const bad = await service.request('POST', '/api/v1/imports', {
      token,
      body: { organizationId, fileName: 'a\n.csv', rowCount: 1 },
    });
    expect(bad.status).toBe(422);
  });

  it('lists the history newest first and scopes ids', async () => {
    const res = await service.request('GET', '/api/v1/imports', {
      token,
      query: { organizationId, pageSize: '2' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.pageSize).toBe(2);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    expect(res.body.items).toHaveLength(2);
    const [newer, older] = res.body.items as { createdAt: string }[];
    expect(newer!.createdAt >= older!.createdAt).toBe(true);
    expect((await service.request('GET', '/api/v1/imports/nope', { token })).status).toBe(404);
    expect(
      (await service.request('PUT', '/api/v1/imports/nope/chunks/0', { token, body: { rows: [] } }))
        .status,
    ).toBe(404);
    const bad = await service.request('PUT', `/api/v1/imports/x/chunks/-1`, {
      token,
      body: { rows: [] },
    });
    expect(bad.status).toBe(422);
  });
});
