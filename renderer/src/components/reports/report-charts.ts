// The Reports dashboard's charts built from the summary: each an ECharts option, the same numbers
// as a table (shown on request, always there for screen readers and the CSV), and where a click on
// a bar or point leads in the Accounts grid.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { AccountDateField, AccountStatus } from '../../../../common/api/accounts';
import type { DeliveryFailureReason, ReportSummary } from '../../../../common/api/reports';
import { accountStatusLabel, accountStatuses } from '../../utils/account-status';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** Which accounts a chart segment stands for: the Accounts grid opens filtered to them. */
export interface AccountsDrill {
  status?: AccountStatus;
  dateField?: AccountDateField;
  /** Local dates, inclusive; default the report's range when dateField is set. */
  from?: string;
  to?: string;
  organizationId?: string;
}

/** What ECharts hands a click handler (the parts used here). */
export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
}

export interface ReportChart {
  key: string;
  title: string;
  /** One sentence for screen readers: what the chart shows. */
  description: string;
  option: ChartOption;
  table: { columns: string[]; rows: (string | number)[][] };
  drill: (click: ChartClick) => AccountsDrill | null;
}

/** Series colours readable on light and dark backgrounds alike. */
export const chartColors = {
  created: '#5b8def',
  invited: '#e0a030',
  activated: '#2fa360',
  failed: '#d9534f',
  kept: '#8a94a6',
  reserved: '#9c6ade',
} as const;

const reasonLabels: Record<DeliveryFailureReason, string> = {
  connection_refused: 'Connection refused',
  timeout: 'Timed out',
  host_not_found: 'Server not found',
  recipient_rejected: 'Recipient rejected',
  auth_failed: 'Sign-in to the mail server failed',
  other: 'Other',
};

const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const legend = { top: 0, type: 'scroll' as const };

function funnelChart(summary: ReportSummary): ReportChart {
  const { funnel } = summary;
  const steps: [string, number, AccountsDrill][] = [
    ['Invited', funnel.invited, { dateField: 'invitedAt' }],
    [
      'Activated within 1 day',
      funnel.activatedWithinDays['1'],
      { status: 'activated', dateField: 'invitedAt' },
    ],
    [
      'Within 3 days',
      funnel.activatedWithinDays['3'],
      { status: 'activated', dateField: 'invitedAt' },
    ],
    [
      'Within 7 days',
      funnel.activatedWithinDays['7'],
      { status: 'activated', dateField: 'invitedAt' },
    ],
    [
      'Within 30 days',
      funnel.activatedWithinDays['30'],
      { status: 'activated', dateField: 'invitedAt' },
    ],
    ['Activated', funnel.activated, { status: 'activated', dateField: 'invitedAt' }],
  ];
  const median =
    funnel.medianHoursToActivate === null
      ? 'no activation yet'
      : `median ${funnel.medianHoursToActivate} hours to activate`;
  return {
    key: 'funnel',
    title: 'Activation funnel',
    description: `Accounts first invited in the range: ${funnel.invited} invited, ${funnel.activated} activated, ${median}.`,
    option: {
      grid,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: steps.map(([label]) => label) },
      series: [
        {
          type: 'bar',
          name: 'Accounts',
          data: steps.map(([, value], index) => ({
            value,
            itemStyle: { color: index === 0 ? chartColors.invited : chartColors.activated },
          })),
          label: { show: true, position: 'right' },
        },
      ],
    },
    table: {
      columns: ['Step', 'Accounts'],
      rows: [
        ...steps.map(([label, value]) => [label, value]),
        ['Median hours to activate', funnel.medianHoursToActivate ?? '—'],
      ],
    },
    drill: ({ dataIndex }) => steps[dataIndex]?.[2] ?? null,
  };
}

function overTimeChart(summary: ReportSummary): ReportChart {
  const series: [string, 'created' | 'invited' | 'activated', AccountsDrill][] = [
    ['Created', 'created', { dateField: 'createdAt' }],
    ['Invited', 'invited', { dateField: 'invitedAt' }],
    ['Activated', 'activated', { status: 'activated', dateField: 'activatedAt' }],
  ];
  const total = (key: 'created' | 'invited' | 'activated') =>
    summary.daily.reduce((sum, day) => sum + day[key], 0);
  return {
    key: 'over-time',
    title: 'Invitations and activations over time',
    description: `Per day: ${total('created')} created, ${total('invited')} invited, ${total('activated')} activated in the range.`,
    option: {
      grid,
      legend,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: summary.daily.map((day) => day.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(([name, key]) => ({
        type: 'line',
        name,
        data: summary.daily.map((day) => day[key]),
        color: chartColors[key],
        symbolSize: 6,
      })),
    },
    table: {
      columns: ['Date', 'Created', 'Invited', 'Activated'],
      rows: summary.daily.map((day) => [day.date, day.created, day.invited, day.activated]),
    },
    drill: ({ seriesIndex, dataIndex }) => {
      const day = summary.daily[dataIndex];
      const drill = series[seriesIndex ?? 0]?.[2];
      return day && drill ? { ...drill, from: day.date, to: day.date } : null;
    },
  };
}

function deliveryChart(summary: ReportSummary): ReportChart {
  const series: ['Sent' | 'Failed' | 'Not sent (kept)', 'sent' | 'failed' | 'kept'][] = [
    ['Sent', 'sent'],
    ['Failed', 'failed'],
    ['Not sent (kept)', 'kept'],
  ];
  const colors = {
    sent: chartColors.activated,
    failed: chartColors.failed,
    kept: chartColors.kept,
  };
  return {
    key: 'delivery',
    title: 'Invitation delivery',
    description: `Invitation messages per day by delivery state; ${summary.daily.reduce((sum, day) => sum + day.failed, 0)} failed in the range.`,
    option: {
      grid,
      legend,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: summary.daily.map((day) => day.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(([name, key]) => ({
        type: 'bar',
        name,
        stack: 'messages',
        color: colors[key],
        data: summary.daily.map((day) => day[key]),
      })),
    },
    table: {
      columns: ['Date', 'Sent', 'Failed', 'Not sent (kept)'],
      rows: summary.daily.map((day) => [day.date, day.sent, day.failed, day.kept]),
    },
    drill: ({ seriesIndex, dataIndex }) => {
      const day = summary.daily[dataIndex];
      if (!day) return null;
      const failed = series[seriesIndex ?? 0]?.[1] === 'failed';
      return {
        ...(failed ? { status: 'invitation_failed' as const } : {}),
        dateField: 'invitedAt',
        from: day.date,
        to: day.date,
      };
    },
  };
}

function failuresChart(summary: ReportSummary): ReportChart {
  const rows = summary.deliveryFailures;
  return {
    key: 'failures',
    title: 'Delivery failures by reason',
    description:
      rows.length === 0
        ? 'No invitation failed in the range.'
        : `Most frequent: ${reasonLabels[rows[0]!.reason]} (${rows[0]!.count}).`,
    option: {
      grid,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((row) => reasonLabels[row.reason]) },
      series: [
        {
          type: 'bar',
          name: 'Failed messages',
          color: chartColors.failed,
          data: rows.map((row) => row.count),
          label: { show: true, position: 'right' },
        },
      ],
    },
    table: {
      columns: ['Reason', 'Failed messages'],
      rows: rows.map((row) => [reasonLabels[row.reason], row.count]),
    },
    drill: () => ({ status: 'invitation_failed' }),
  };
}

function poolsChart(summary: ReportSummary): ReportChart {
  const pools = summary.numbers;
  const states: [
    'Assigned' | 'Registered' | 'Reserved' | 'Available',
    'assigned' | 'registered' | 'reserved' | 'available',
    string,
  ][] = [
    ['Assigned', 'assigned', chartColors.activated],
    ['Registered', 'registered', chartColors.created],
    ['Reserved', 'reserved', chartColors.reserved],
    ['Available', 'available', chartColors.kept],
  ];
  const used = (pool: (typeof pools)[number]) => pool.assigned + pool.registered;
  const size = (pool: (typeof pools)[number]) => used(pool) + pool.reserved + pool.available;
  return {
    key: 'pools',
    title: 'Number pools by organization',
    description: `Numbers by state for ${pools.length} organizations; capacity is what is left for new invitations.`,
    option: {
      grid,
      legend,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: pools.map((pool) => pool.organizationName) },
      series: states.map(([name, key, color]) => ({
        type: 'bar',
        name,
        stack: 'numbers',
        color,
        data: pools.map((pool) => pool[key]),
      })),
    },
    table: {
      columns: [
        'Organization',
        'Assigned',
        'Registered',
        'Reserved',
        'Available',
        'Capacity',
        'Used',
      ],
      rows: pools.map((pool) => [
        pool.organizationName,
        pool.assigned,
        pool.registered,
        pool.reserved,
        pool.available,
        pool.capacity,
        size(pool) === 0 ? '—' : `${Math.round((used(pool) / size(pool)) * 100)}%`,
      ]),
    },
    drill: ({ dataIndex }) => {
      const pool = pools[dataIndex];
      return pool ? { organizationId: pool.organizationId } : null;
    },
  };
}

function statusChart(summary: ReportSummary): ReportChart {
  const colors: Record<AccountStatus, string> = {
    activated: chartColors.activated,
    invitation_failed: chartColors.failed,
    invited: chartColors.invited,
    not_invited: chartColors.kept,
    suspended: chartColors.reserved,
  };
  return {
    key: 'status',
    title: 'Accounts by status',
    description: accountStatuses
      .map((status) => `${accountStatusLabel(status)} ${summary.accountsByStatus[status]}`)
      .join(', '),
    option: {
      grid,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: accountStatuses.map(accountStatusLabel) },
      series: [
        {
          type: 'bar',
          name: 'Accounts',
          data: accountStatuses.map((status) => ({
            value: summary.accountsByStatus[status],
            itemStyle: { color: colors[status] },
          })),
          label: { show: true, position: 'right' },
        },
      ],
    },
    table: {
      columns: ['Status', 'Accounts'],
      rows: accountStatuses.map((status) => [
        accountStatusLabel(status),
        summary.accountsByStatus[status],
      ]),
    },
    drill: ({ dataIndex }) => {
      const status = accountStatuses[dataIndex];
      return status ? { status } : null;
    },
  };
}

/** Every chart of the dashboard, in screen order. */
export function reportCharts(summary: ReportSummary): ReportChart[] {
  return [
    funnelChart(summary),
    overTimeChart(summary),
    deliveryChart(summary),
    failuresChart(summary),
    poolsChart(summary),
    statusChart(summary),
  ];
}
