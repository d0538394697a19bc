// Accounts: paged list with filters, create, edit, and the bulk actions (invite, resend, move, delete, export).
import type { AccountCounts } from '../../../common/api/accounts';
import { api } from './client';
import type {
  Account,
  BulkResult,
  CreateAccountInput,
  MoveCheck,
  NumberDisposition,
  Paged,
  UpdateAccountInput,
} from './types';
import type { AccountStatus } from '../utils/account-status';

export interface AccountQuery {
  organizationId?: string | null;
  includeSubOrganizations?: boolean;
  status?: AccountStatus | null;
  q?: string;
  sort?: string | null;
  page?: number;
  pageSize?: number;
}

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
  if (query.page) params.page = query.page;
  if (query.pageSize) params.pageSize = query.pageSize;
  return params;
}

export async function listAccounts(
  query: AccountQuery,
  signal?: AbortSignal,
): Promise<Paged<Account>> {
  return (await api.get<Paged<Account>>('/accounts', { params: accountParams(query), signal }))
    .data;
}

/** Accounts per status for the chips, in one request: the list's filters except status, paging and sort. */
export async function countAccounts(
  query: Pick<AccountQuery, 'organizationId' | 'includeSubOrganizations' | 'q'>,
  signal?: AbortSignal,
): Promise<AccountCounts> {
  const { organizationId, includeSubOrganizations, q } = query;
  return (
    await api.get<AccountCounts>('/accounts/counts', {
      params: accountParams({ organizationId, includeSubOrganizations, q }),
      signal,
    })
  ).data;
}

export async function getAccount(id: string): Promise<Account> {
  return (await api.get<Account>(`/accounts/${encodeURIComponent(id)}`)).data;
}

export async function createAccount(input: CreateAccountInput): Promise<Account> {
  return (
    await api.post<Account>('/accounts', input, {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    })
  ).data;
}

export async function updateAccount(id: string, change: UpdateAccountInput): Promise<Account> {
  return (await api.patch<Account>(`/accounts/${encodeURIComponent(id)}`, change)).data;
}

export async function inviteAccounts(accountIds: string[]): Promise<BulkResult> {
  return (await api.post<BulkResult>('/accounts/invite', { accountIds })).data;
}

export async function resendInvitations(accountIds: string[]): Promise<BulkResult> {
  return (await api.post<BulkResult>('/accounts/resend-invitation', { accountIds })).data;
}

export async function suspendAccounts(accountIds: string[], suspend: boolean): Promise<unknown> {
  return (await api.post(suspend ? '/accounts/suspend' : '/accounts/unsuspend', { accountIds }))
    .data;
}

export async function checkMove(
  accountIds: string[],
  targetOrganizationId: string,
): Promise<MoveCheck> {
  const params = { accountIds: accountIds.join(','), targetOrganizationId };
  return (await api.get<MoveCheck>('/accounts/move-check', { params })).data;
}

export async function moveAccounts(
  accountIds: string[],
  targetOrganizationId: string,
): Promise<unknown> {
  return (await api.post('/accounts/move', { accountIds, targetOrganizationId })).data;
}

export async function deleteAccounts(
  accountIds: string[],
  numberDisposition: NumberDisposition,
): Promise<unknown> {
  return (await api.post('/accounts/delete', { accountIds, numberDisposition })).data;
}

/** The service's limit of ids per selection export. */
export const EXPORT_SELECTION_LIMIT = 500;

/**
 * The CSV text of every account matching the filters (the service pages through them itself), or
 * with `accountIds` only those accounts (at most EXPORT_SELECTION_LIMIT; ids outside the scope are skipped).
 */
export async function exportAccountsCsv(
  query: AccountQuery,
  accountIds?: readonly string[],
): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const params: Record<string, string | number | boolean> = accountParams(filters);
  if (accountIds) params.accountIds = accountIds.join(',');
  const response = await api.get<string>('/accounts/export.csv', {
    params,
    responseType: 'text',
    transformResponse: (body: string) => body,
  });
  return response.data;
}
