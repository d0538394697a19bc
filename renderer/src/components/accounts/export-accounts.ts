// CSV export of accounts: everything matching the filters (written by the service), or the selected rows
// (written here with the same columns and the shared formula-safe writer); saved through main's dialog.
import { exportAccountsCsv, type AccountQuery } from '../../api/accounts';
import { listPermissionProfiles } from '../../api/permission-profiles';
import type { Account } from '../../api/types';
import { linedesk } from '../../bridge/linedesk';
import { writeCsv, type CsvCell } from '../../../../common/csv/writer';
import { TEMPLATE_HEADER_LABELS } from '../../../../common/csv/template';
import { accountStatusLabel } from '../../utils/account-status';

export type ExportOutcome = { saved: true; filePath: string } | { saved: false };

function fileName(suffix: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `linedesk-accounts-${suffix}${day}.csv`;
}

async function save(suggestedName: string, content: string): Promise<ExportOutcome> {
  const result = await linedesk().files.saveCsv({ suggestedName, content });
  return result.saved ? { saved: true, filePath: result.filePath } : { saved: false };
}

/** Every account matching the grid's filters, as the service writes it. */
export async function exportMatching(filters: AccountQuery): Promise<ExportOutcome> {
  return save(fileName(''), await exportAccountsCsv(filters));
}

/** The selected accounts: template columns plus Status, the same layout as the service's export. */
export async function exportSelected(accounts: Account[]): Promise<ExportOutcome> {
  const profileNames = new Map<string, string>();
  for (const organizationId of new Set(accounts.map((account) => account.organizationId))) {
    for (const profile of await listPermissionProfiles(organizationId))
      profileNames.set(profile.id, profile.name);
  }
  const rows: CsvCell[][] = [[...TEMPLATE_HEADER_LABELS, 'Status']];
  for (const account of accounts) {
    rows.push([
      account.firstName,
      account.lastName,
      account.contact,
      account.linesAllowed,
      (account.permissionProfileId && profileNames.get(account.permissionProfileId)) || '',
      account.number ?? '',
      accountStatusLabel(account.status),
    ]);
  }
  return save(fileName('selected-'), writeCsv(rows));
}
