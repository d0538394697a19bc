// Accounts: paged list with filters, counts, create, edit, and the bulk actions (invite, resend,
// suspend, move, delete, export), each answer parsed with its common/api schema.
import {
  accountActionResultsSchema,
  accountCountsSchema,
  accountPageSchema,
  accountSchema,
  deleteAccountsResultSchema,
  moveAccountsResultSchema,
  moveCheckResultSchema,
  type Account,
  type AccountActionResults,
  type AccountDateField,
  type AccountCounts,
  type AccountPage,
  type AccountStatus,
  type CreateAccountInput,
  type DeleteAccountsResult,
  type MoveAccountsResult,
  type MoveCheckResult,
  type NumberDisposition,
  type PatchAccountBody,
} from '../../../common/api/accounts';
import { csvText, request } from './request';

export interface AccountQuery {
  organizationId?: string | null;
  includeSubOrganizations?: boolean;
  status?: AccountStatus | null;
  q?: string;
  sort?: string | null;
  /** Only accounts whose created / invited / activated time is in [from, to) (ISO instants). */
  dateFilter?: AccountDateFilter | null;
  page?: number;
  pageSize?: number;
}

export interface AccountDateFilter {
  field: AccountDateField;
  from: string;
  to: string;
}

const accountPath = (id: string) => `/accounts/${encodeURIComponent(id)}`;

/** Query-string parameters shared by the list and the CSV export. */
export function accountParams(query: AccountQuery): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  if (query.organizationId) {
    params.organizationId = query.organizationId;
    params.includeSubOrganizations = query.includeSubOrganizations ?? false;
  }
  if (query.status) params.status = query.status;
  if (query.q?.trim()) params.q = query.q.trim();
  if (query.sort) params.sort = query.sort;
  if (query.dateFilter) {
    params.dateField = query.dateFilter.field;
    params.from = query.dateFilter.from;
    params.to = query.dateFilter.to;
  }
  if (query.page) params.page = query.page;
  if (query.pageSize) params.pageSize = query.pageSize;
  return params;
}

/** One page of accounts matching the filters. */
export function listAccounts(query: AccountQuery, signal?: AbortSignal): Promise<AccountPage> {
  return request(accountPageSchema, {
    url: '/accounts',
    params: accountParams(query),
    signal,
    what: 'the accounts',
  });
}

/** Accounts per status for the chips, in one request: the list's filters except status, paging and sort. */
export function countAccounts(
  query: Pick<AccountQuery, 'organizationId' | 'includeSubOrganizations' | 'q'>,
  signal?: AbortSignal,
): Promise<AccountCounts> {
  const { organizationId, includeSubOrganizations, q } = query;
  return request(accountCountsSchema, {
    url: '/accounts/counts',
    params: accountParams({ organizationId, includeSubOrganizations, q }),
    signal,
    what: 'the account counts',
  });
}

/** One account, fresh from the service. */
export function getAccount(id: string): Promise<Account> {
  return request(accountSchema, { url: accountPath(id), what: 'the account' });
}

/** Creates an account; the idempotency key makes a retried click create it once. */
export function createAccount(input: CreateAccountInput): Promise<Account> {
  return request(accountSchema, {
    method: 'POST',
    url: '/accounts',
    data: input,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    what: 'the new account',
  });
}

/** Changes the given fields of an account. */
export function updateAccount(id: string, change: PatchAccountBody): Promise<Account> {
  return request(accountSchema, {
    method: 'PATCH',
    url: accountPath(id),
    data: change,
    what: 'the account',
  });
}

function bulkAction(path: string, accountIds: string[]): Promise<AccountActionResults> {
  return request(accountActionResultsSchema, {
    method: 'POST',
    url: path,
    data: { accountIds },
    what: 'the results',
  });
}

/** Sends invitations; one result per account. */
export function inviteAccounts(accountIds: string[]): Promise<AccountActionResults> {
  return bulkAction('/accounts/invite', accountIds);
}

/** Sends invitations again with a new link; one result per account. */
export function resendInvitations(accountIds: string[]): Promise<AccountActionResults> {
  return bulkAction('/accounts/resend-invitation', accountIds);
}

/** Suspends (or lifts the suspension of) accounts; one result per account. */
export function suspendAccounts(
  accountIds: string[],
  suspend: boolean,
): Promise<AccountActionResults> {
  return bulkAction(suspend ? '/accounts/suspend' : '/accounts/unsuspend', accountIds);
}

/** Whether the target organization has numbers and capacity for the accounts. */
export function checkMove(
  accountIds: string[],
  targetOrganizationId: string,
): Promise<MoveCheckResult> {
  return request(moveCheckResultSchema, {
    url: '/accounts/move-check',
    params: { accountIds: accountIds.join(','), targetOrganizationId },
    what: 'the move check',
  });
}

/** Moves accounts to another organization of the subtree. */
export function moveAccounts(
  accountIds: string[],
  targetOrganizationId: string,
): Promise<MoveAccountsResult> {
  return request(moveAccountsResultSchema, {
    method: 'POST',
    url: '/accounts/move',
    data: { accountIds, targetOrganizationId },
    what: 'the move result',
  });
}

/** Deletes accounts; their numbers are released or reserved. */
export function deleteAccounts(
  accountIds: string[],
  numberDisposition: NumberDisposition,
): Promise<DeleteAccountsResult> {
  return request(deleteAccountsResultSchema, {
    method: 'POST',
    url: '/accounts/delete',
    data: { accountIds, numberDisposition },
    what: 'the delete result',
  });
}

/** The service's limit of ids per selection export. */
export const EXPORT_SELECTION_LIMIT = 500;

/**
 * The CSV text of every account matching the filters (the service pages through them itself), or
 * with `accountIds` only those accounts (at most EXPORT_SELECTION_LIMIT; ids outside the scope are skipped).
 */
export function exportAccountsCsv(
  query: AccountQuery,
  accountIds?: readonly string[],
): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const params: Record<string, string | number | boolean> = accountParams(filters);
  if (accountIds) params.accountIds = accountIds.join(',');
  return request(csvText.schema, {
    ...csvText.config,
    url: '/accounts/export.csv',
    params,
    what: 'the export',
  });
}
