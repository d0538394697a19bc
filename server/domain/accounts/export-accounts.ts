// Rows of the accounts export: the CSV template's columns (profile by name) plus the status label,
// read page by page so a large tenant never sits in memory at once.
import type { AccountStatus } from '../../../common/api/accounts';
import type { CsvCell } from '../../../common/csv';
import type { Db } from '../organization-context';
import type { orderAccounts } from './list-accounts';

const statusLabels: Record<AccountStatus, string> = {
  not_invited: 'Not Invited',
  invited: 'Invited',
  invitation_failed: 'Invitation Failed',
  activated: 'Activated',
  suspended: 'Suspended',
};

export function statusLabel(status: AccountStatus): string {
  return statusLabels[status];
}

const PAGE = 1000;

/**
 * Narrows the export to a selection (the grid's "Export" of checked rows). The scope and filters
 * stay applied, so ids outside them are simply not exported.
 */
export function onlyAccounts(
  ordered: ReturnType<typeof orderAccounts>,
  accountIds: readonly string[] | undefined,
): ReturnType<typeof orderAccounts> {
  return accountIds ? ordered.where('accounts.id', 'in', accountIds) : ordered;
}

/** Template cells (First Name … Number) and the status of every account the query selects. */
export async function* exportRows(
  db: Db,
  ordered: ReturnType<typeof orderAccounts>,
): AsyncGenerator<{ cells: CsvCell[]; status: AccountStatus }> {
  const profileNames = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    const rows = await ordered.limit(PAGE).offset(offset).execute();
    const unknown = [
      ...new Set(
        rows
          .map((row) => row.permission_profile_id)
          .filter((id): id is string => !!id && !profileNames.has(id)),
      ),
    ];
    if (unknown.length > 0) {
      const profiles = await db
        .selectFrom('permission_profiles')
        .select(['id', 'name'])
        .where('id', 'in', unknown)
        .execute();
      for (const profile of profiles) profileNames.set(profile.id, profile.name);
    }
    for (const row of rows) {
      yield {
        cells: [
          row.first_name,
          row.last_name,
          row.contact,
          row.lines_allowed,
          row.permission_profile_id ? (profileNames.get(row.permission_profile_id) ?? '') : '',
          row.number ?? '',
        ],
        status: row.status,
      };
    }
    if (rows.length < PAGE) return;
  }
}
