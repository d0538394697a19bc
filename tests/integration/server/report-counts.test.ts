// The counts the database keeps for the Reports (migration 009) on SQLite and PostgreSQL: after
// ordinary writes through the API they equal a recount from scratch, the summary read from them
// equals the one counted from the rows, and a time zone off the whole hour is counted exactly.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildReportCounts, dailyMeasures } from '../../../server/domain/reports/report-counts';
import { reportDays } from '../../../server/domain/reports/report-days';
import { dailyMeasuresFromRows } from '../../../server/domain/reports/summary-from-rows';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization, numbersFrom } from './accounts-helpers';
import { reportNow, seedReports, type SeededReports } from './reports-seed';

const range = { from: '2026-03-10', to: '2026-03-12' };

describe.each(serviceBackends())('report counts on $name', (backend) => {
  let service: TestService;
  let token: string;
  let seeded: SeededReports;

  beforeAll(async () => {
    service = await startTestService(backend, { now: () => new Date(reportNow) });
    token = await service.login();
    seeded = await seedReports(service, await createOrganization(service, token, 'East'));
  });
  afterAll(() => service.close());

  /** Every non-zero cell of report_counts, in a stable order. */
  async function cells(): Promise<string[]> {
    const rows = await sql<{ organization_id: string; hour: string; measure: string; n: unknown }>`
      select organization_id, hour, measure, n from report_counts where n <> 0
      order by organization_id, hour, measure`.execute(service.db);
    return rows.rows.map(
      (row) => `${row.organization_id} ${row.hour} ${row.measure} ${Number(row.n)}`,
    );
  }

  const summary = (query: Record<string, string>) =>
    service.request('GET', '/api/v1/reports/summary', { token, query });

  it('counts a time zone whose days start on the half hour (Asia/Kolkata) exactly', async () => {
    const res = await summary({ ...range, timeZone: 'Asia/Kolkata' });
    expect(res.status, res.text).toBe(200);
    // Days run from 18:30 UTC the evening before: A6 (20:00 on the 12th) falls outside.
    expect(res.body.daily).toEqual([
      { date: '2026-03-10', created: 2, invited: 2, activated: 1, sent: 1, failed: 0, kept: 1 },
      { date: '2026-03-11', created: 2, invited: 2, activated: 1, sent: 2, failed: 1, kept: 0 },
      { date: '2026-03-12', created: 0, invited: 0, activated: 1, sent: 0, failed: 1, kept: 0 },
    ]);
    expect(res.body.funnel).toEqual({
      invited: 4,
      activated: 2,
      activatedWithinDays: { '1': 1, '3': 2, '7': 2, '30': 2 },
      medianHoursToActivate: 25,
    });
    expect(res.body.deliveryFailures).toEqual([
      { reason: 'recipient_rejected', count: 1 },
      { reason: 'timeout', count: 1 },
    ]);
  });

  it('reads the same per-day measures from the kept counts as from the rows', async () => {
    for (const timeZone of ['UTC', 'America/Chicago', 'Pacific/Auckland']) {
      const days = reportDays({ from: '2026-03-01', to: '2026-03-20', timeZone }, reportNow);
      if (!days.ok) throw new Error('a valid range');
      const ids = [service.rootOrganizationId, seeded.eastId];
      const kept = await dailyMeasures(service.db, ids, days.value);
      const counted = await dailyMeasuresFromRows(service.db, ids, days.value);
      const plain = (measures: Map<string, Map<string, number>>) =>
        Object.fromEntries(
          [...measures]
            .map(([measure, perDay]): [string, Record<string, number>] => [
              measure,
              Object.fromEntries([...perDay].filter(([, n]) => n !== 0).sort()),
            ])
            .filter(([, perDay]) => Object.keys(perDay).length > 0),
        );
      expect(plain(kept), timeZone).toEqual(plain(counted));
    }
  });

  it('stays equal to a recount after creating, inviting, resending, moving, activating, suspending and deleting', async () => {
    const west = await createOrganization(service, token, 'West');
    await addNumbers(service, token, west, numbersFrom(7100, 3));
    await addNumbers(service, token, seeded.eastId, numbersFrom(7200, 2));
    const invited = await createAccount(service, token, {
      organizationId: west,
      contact: 'counted.one@example.test',
      invite: true,
    });
    const waiting = await createAccount(service, token, {
      organizationId: west,
      contact: 'counted.two@example.test',
      invite: true,
    });
    const plain = await createAccount(service, token, {
      organizationId: west,
      contact: 'counted.three@example.test',
    });
    const post = async (url: string, body: unknown) => {
      const res = await service.request('POST', url, { token, body });
      expect(res.status, res.text).toBeLessThan(300);
    };
    await post('/api/v1/accounts/resend-invitation', { accountIds: [invited.id] });
    await post('/api/v1/accounts/invite', { accountIds: [plain.id] });
    await post('/api/v1/accounts/move', {
      accountIds: [waiting.id],
      targetOrganizationId: seeded.eastId,
    });
    await post('/api/v1/accounts/suspend', { accountIds: [plain.id] });
    await service.db
      .updateTable('accounts')
      .set({ status: 'activated', activated_at: '2026-03-20T11:00:00.000Z' })
      .where('id', '=', invited.id)
      .execute();
    await service.db
      .updateTable('outbox_messages')
      .set({ status: 'failed', failure_reason: 'timeout' })
      .where('account_id', '=', waiting.id)
      .execute();
    const patched = await service.request('PATCH', `/api/v1/numbers/${numbersFrom(7100, 1)[0]}`, {
      token,
      body: { state: 'reserved', tag: 'Kept' },
    });
    expect(patched.status, patched.text).toBe(200);
    await post('/api/v1/accounts/delete', {
      accountIds: [seeded.accounts.A3],
      numberDisposition: 'release',
    });

    const kept = await cells();
    expect(kept.filter((cell) => cell.startsWith(`${west} `)).length).toBeGreaterThan(0);
    await rebuildReportCounts(service.db);
    expect(await cells()).toEqual(kept);
  });
});
