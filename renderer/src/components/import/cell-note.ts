// What the Review grid says about a row or one of its cells, by text and tint: its problems (it cannot
// be imported as it is) before its warnings (it can, but the admin may want to look).
import type { CsvRow } from '../../../../common/ipc/csv-contract';
import type { TemplateColumnKey } from '../../../../common/csv/template';

export interface CellNote {
  kind: 'problem' | 'warning';
  /** Every message that applies, one after another. */
  message: string;
}

/** The note on one cell of `row`, or on the whole row without `column`; null when there is none. */
export function noteOf(row: CsvRow, column?: TemplateColumnKey): CellNote | null {
  const messages = (notes: CsvRow['problems'] | CsvRow['warnings']): string[] =>
    notes.filter((note) => column === undefined || note.column === column).map((n) => n.message);
  const problems = messages(row.problems);
  if (problems.length) return { kind: 'problem', message: problems.join(' ') };
  const warnings = messages(row.warnings);
  if (warnings.length) return { kind: 'warning', message: warnings.join(' ') };
  return null;
}
