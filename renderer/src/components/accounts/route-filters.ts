// The Accounts grid's filters given in the route (a report's chart, an account link elsewhere):
// `?status=&organizationId=&includeSubOrganizations=&dateField=&from=&to=` or `?accountId=`.
import type { LocationQuery } from 'vue-router';
import {
  accountDateFields,
  accountStatuses,
  type AccountDateField,
  type AccountStatus,
} from '../../../../common/api/accounts';
import { addDays, localDate } from '../../../../common/time/local-day';
import { formatInZone } from '../../composables/use-time-zone';
import type { AccountDateFilter } from '../../stores/accounts';

export interface RouteAccountFilters {
  status: AccountStatus | null;
  dateFilter: AccountDateFilter | null;
  organizationId: string | null;
  includeSubOrganizations: boolean;
  accountId: string | null;
}

const text = (value: LocationQuery[string] | undefined) =>
  typeof value === 'string' ? value : null;
const isInstant = (value: string | null): value is string =>
  value !== null && !Number.isNaN(Date.parse(value));

/** The filters in the query, or null when it carries none. */
export function accountFiltersFromRoute(query: LocationQuery): RouteAccountFilters | null {
  const status = text(query.status);
  const field = text(query.dateField);
  const from = text(query.from);
  const to = text(query.to);
  const filters: RouteAccountFilters = {
    status: (accountStatuses as readonly string[]).includes(status ?? '')
      ? (status as AccountStatus)
      : null,
    dateFilter:
      (accountDateFields as readonly string[]).includes(field ?? '') &&
      isInstant(from) &&
      isInstant(to)
        ? { field: field as AccountDateField, from, to }
        : null,
    organizationId: text(query.organizationId),
    includeSubOrganizations: text(query.includeSubOrganizations) !== 'false',
    accountId: text(query.accountId),
  };
  const any = filters.status || filters.dateFilter || filters.organizationId || filters.accountId;
  return any ? filters : null;
}

const fieldWords: Record<AccountDateField, string> = {
  createdAt: 'Created',
  invitedAt: 'Invited',
  activatedAt: 'Activated',
};

/** "Invited Mar 10, 2026 – Mar 12, 2026" in the admin's zone (the end is exclusive). */
export function dateFilterLabel(filter: AccountDateFilter, timeZone: string): string {
  const first = localDate(new Date(filter.from), timeZone);
  const last = addDays(localDate(new Date(filter.to), timeZone), -1);
  const day = (date: string) => formatInZone(`${date}T12:00:00Z`, 'UTC', 'date');
  const span = first === last ? `on ${day(first)}` : `${day(first)} – ${day(last)}`;
  return `${fieldWords[filter.field]} ${span}`;
}
