// CSV export of accounts for the accounts store: everything matching the filters, or the selected
// rows — both written by the service (its formula-safe writer is the single source) and saved
// through main's dialog.
import { EXPORT_SELECTION_LIMIT, exportAccountsCsv, type AccountQuery } from '../api/accounts';
import type { Account } from '../../../common/api/accounts';
import { linedesk } from '../bridge/linedesk';

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

/** Drops a CSV text's header line (the service's header never holds a line break). */
function withoutHeader(csv: string): string {
  const end = csv.indexOf('\r\n');
  return end < 0 ? '' : csv.slice(end + 2);
}

/**
 * The selected accounts (the selection is kept across pages and filters, so only the scope applies),
 * asked for in batches of the service's limit and joined under one header.
 */
export async function exportSelected(accounts: Account[]): Promise<ExportOutcome> {
  const ids = accounts.map((account) => account.id);
  let content = '';
  for (let start = 0; start < ids.length; start += EXPORT_SELECTION_LIMIT) {
    const csv = await exportAccountsCsv({}, ids.slice(start, start + EXPORT_SELECTION_LIMIT));
    content += start === 0 ? csv : withoutHeader(csv);
  }
  return save(fileName('selected-'), content);
}
