// RFC 4180 CSV writer used for every CSV Linedesk writes: CRLF line breaks, fields quoted when
// they hold a comma, quote, CR or LF (quotes doubled), and formula cells neutralised.
import { neutraliseFormulaCell } from './formula';
import { TEMPLATE_HEADER_LABELS } from './template';

export type CsvCell = string | number | boolean | null | undefined;

export type CsvWriteOptions = {
  /** Neutralise formula-looking cells (default true; only turn off for data that is never opened in a spreadsheet). */
  neutraliseFormulas?: boolean;
};

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised and quoted as RFC 4180 requires. */
export function csvField(cell: CsvCell, options: CsvWriteOptions = {}): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  const safe = options.neutraliseFormulas === false ? text : neutraliseFormulaCell(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record followed by CRLF (suits streaming a large export line by line). */
export function csvLine(cells: readonly CsvCell[], options: CsvWriteOptions = {}): string {
  return `${cells.map((cell) => csvField(cell, options)).join(',')}\r\n`;
}

/** A whole CSV document: every record ends with CRLF. */
export function writeCsv(
  records: Iterable<readonly CsvCell[]>,
  options: CsvWriteOptions = {},
): string {
  let out = '';
  for (const record of records) out += csvLine(record, options);
  return out;
}

/** The CSV template: the header row exactly, ended by CRLF. */
export function templateCsv(): string {
  return csvLine(TEMPLATE_HEADER_LABELS);
}
