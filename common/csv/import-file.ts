// Checks a whole parsed file (header + records) with the template rules: one whole-file problem
// (empty, required column missing) or every data row with its spreadsheet row number and problems.
// The desktop wizard uses it on open and on every edit; the service checks chunks row by row.
import { mapHeader, recordToTemplateRow, type HeaderMapping } from './header-aliases';
import {
  createImportRowChecker,
  type ImportRowCheck,
  type ImportRowRulesContext,
} from './row-rules';
import { spreadsheetRowNumber, type TemplateColumnKey } from './template';

export interface CheckedImportRow {
  /** As a spreadsheet shows it (header = row 1). */
  rowNumber: number;
  cells: Record<TemplateColumnKey, string>;
  check: ImportRowCheck;
}

export type ImportFileCheck =
  | { ok: false; problem: string }
  | { ok: true; mapping: HeaderMapping; rows: CheckedImportRow[]; problemRows: number };

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

/** `records[0]` is the header. Blank records (Excel's trailing rows) are skipped, not numbered away. */
export function checkImportFile(
  records: readonly (readonly string[])[],
  context: ImportRowRulesContext = {},
): ImportFileCheck {
  const [header, ...data] = records;
  if (header === undefined || isBlank(header)) {
    return { ok: false, problem: 'The file is empty: row 1 must be the header of the template.' };
  }
  const mapping = mapHeader(header);
  if (mapping.problem !== null) return { ok: false, problem: mapping.problem };
  const checker = createImportRowChecker(context);
  const rows: CheckedImportRow[] = [];
  data.forEach((record, index) => {
    if (isBlank(record)) return;
    const rowNumber = spreadsheetRowNumber(index);
    const cells = recordToTemplateRow(record, mapping);
    rows.push({ rowNumber, cells, check: checker.check(rowNumber, cells) });
  });
  if (rows.length === 0) {
    return { ok: false, problem: 'The file has a header but no rows of accounts.' };
  }
  return { ok: true, mapping, rows, problemRows: rows.filter((row) => !row.check.ok).length };
}
