// The Reports dashboard's charts: the tables carry the summary's exact numbers, and a click on a
// segment names the accounts it stands for (status, date field, day, organization).
import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../common/api/reports';
import { reportCharts } from '../../renderer/src/components/reports/report-charts';
import {
  accountFiltersFromRoute,
  dateFilterLabel,
} from '../../renderer/src/components/accounts/route-filters';

const summary: ReportSummary = {
  accountsByStatus: {
    not_invited: 1,
    invited: 3,
    invitation_failed: 1,
    activated: 4,
    suspended: 1,
  },
  funnel: {
    invited: 5,
    activated: 3,
    activatedWithinDays: { '1': 1, '3': 2, '7': 2, '30': 3 },
    medianHoursToActivate: 48,
  },
  daily: [
    { date: '2026-03-10', created: 2, invited: 2, activated: 1, sent: 1, failed: 0, kept: 1 },
    { date: '2026-03-11', created: 2, invited: 2, activated: 1, sent: 2, failed: 1, kept: 0 },
  ],
  numbers: [
    {
      organizationId: 'org-1',
      organizationName: 'Root',
      available: 5,
      reserved: 1,
      assigned: 2,
      registered: 1,
      capacity: 2,
    },
  ],
  deliveryFailures: [{ reason: 'recipient_rejected', count: 1 }],
  imports: [],
};

const byKey = Object.fromEntries(reportCharts(summary).map((chart) => [chart.key, chart]));

describe('report charts', () => {
  it('tables hold the summary’s numbers', () => {
    expect(byKey.status!.table.rows).toEqual([
      ['Activated', 4],
      ['Invitation Failed', 1],
      ['Invited', 3],
      ['Not Invited', 1],
      ['Suspended', 1],
    ]);
    expect(byKey.funnel!.table.rows.at(-1)).toEqual(['Median hours to activate', 48]);
    expect(byKey.pools!.table.rows).toEqual([['Root', 2, 1, 1, 5, 2, '33%']]);
    expect(byKey.delivery!.table.rows[1]).toEqual(['2026-03-11', 2, 1, 0]);
  });

  it('a click names the accounts', () => {
    expect(byKey.status!.drill({ dataIndex: 2 })).toEqual({ status: 'invited' });
    expect(byKey['over-time']!.drill({ seriesIndex: 2, dataIndex: 1 })).toEqual({
      status: 'activated',
      dateField: 'activatedAt',
      from: '2026-03-11',
      to: '2026-03-11',
    });
    expect(byKey.pools!.drill({ dataIndex: 0 })).toEqual({ organizationId: 'org-1' });
  });

  it('the Accounts grid reads them back from the route', () => {
    const filters = accountFiltersFromRoute({
      status: 'activated',
      dateField: 'activatedAt',
      from: '2026-03-11T05:00:00.000Z',
      to: '2026-03-12T05:00:00.000Z',
    });
    expect(filters).toMatchObject({ status: 'activated', dateFilter: { field: 'activatedAt' } });
    expect(dateFilterLabel(filters!.dateFilter!, 'America/Chicago')).toMatch(
      /^Activated on Mar 11, 2026$/,
    );
    expect(accountFiltersFromRoute({})).toBeNull();
    expect(accountFiltersFromRoute({ status: 'bogus' })).toBeNull();
  });
});
