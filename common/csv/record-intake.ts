// Takes a file's records one by one as the parser streams them: the first non-blank record is the
// header (mapped tolerantly), blank records keep their row number but are skipped, the template's
// Note row is skipped with a notice, and every other record becomes a checked row — kept as its
// line of the file when the reader says where it is and the file's columns are the template's.
import { CheckedRows, type RowValues } from './checked-rows';
import { FileLines } from './file-lines';
import { CSV_FILE_ERROR_MESSAGES, MAX_CSV_DATA_ROWS, type CsvFileErrorCode } from './file-check';
import { mapHeader, recordToTemplateRow, type HeaderMapping } from './header-aliases';
import type { ImportRowRulesContext } from './row-rules';
import { TEMPLATE_COLUMN_LABELS } from './template';

export type FileError = { code: CsvFileErrorCode; message: string };
/** Splits one line of the file (line break included) into its cells, as the parser did. */
export type LineSplitter = (line: string) => string[];
export type FileNotice = { column?: string; message: string };

/** A printable ASCII character other than a space: a cell starting with one is not blank. */
const isPrintable = (code: number): boolean => code > 0x20 && code < 0x7f;

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) {
    if (cell !== '' && (isPrintable(cell.charCodeAt(0)) || cell.trim() !== '')) return false;
  }
  return true;
}

/** `Note: …` in the first cell and nothing else: the line the template may carry under its header. */
export function isNoteRecord(record: readonly string[]): boolean {
  const cell = record[0] ?? '';
  // Most first cells start with a printable letter other than n: no copy trimmed for them.
  const start = cell.charCodeAt(0);
  if (isPrintable(start) && (start | 0x20) !== 0x6e) return false;
  const first = cell.trim();
  if (first.length < 5 || (first.charCodeAt(0) | 0x20) !== 0x6e) return false; // n or N
  return /^note:/i.test(first) && isBlank(record.slice(1));
}

/** Feeds records in file order; `rows` holds the checked rows once the header was accepted. */
export class RecordIntake {
  readonly rows: CheckedRows;
  readonly notices: FileNotice[] = [];
  private mapping: HeaderMapping | null = null;
  private recordIndex = 0;
  private dataRows = 0;
  private error: FileError | null = null;
  private splitLine: LineSplitter | null = null;
  private lines: FileLines<RowValues> | null = null;
  private text = '';

  constructor(context: ImportRowRulesContext = {}) {
    this.rows = new CheckedRows(context);
  }

  /** The whole-file error found so far (reading may stop as soon as there is one). */
  get fileError(): FileError | null {
    return this.error;
  }

  /** How to split this file's lines again: from the header on, rows may be kept as lines. */
  readLinesWith(splitLine: LineSplitter): void {
    this.splitLine = splitLine;
  }

  /** The parser's next input: the positions of the records pushed next are in it. */
  beginText(text: string): void {
    this.text = text;
    this.lines?.beginChunk(text);
  }

  /**
   * The next record, with where its line is in the text begun last when known; returns false once
   * reading should stop (a whole-file error).
   */
  push(record: readonly string[], lineStart = -1, lineEnd = -1): boolean {
    if (this.error) return false;
    // The spreadsheet row of this record: the header's record is row 1 when it comes first.
    const rowNumber = ++this.recordIndex;
    if (isBlank(record)) return true;
    if (this.mapping === null) return this.acceptHeader(record);
    if (isNoteRecord(record)) {
      this.notices.push({ message: `Row ${rowNumber}: the template's Note row was skipped.` });
      return true;
    }
    this.dataRows += 1;
    if (this.dataRows > MAX_CSV_DATA_ROWS) {
      this.error = { code: 'TOO_MANY_ROWS', message: CSV_FILE_ERROR_MESSAGES.TOO_MANY_ROWS };
      return false;
    }
    if (this.lines !== null && lineStart >= 0) {
      this.rows.addRecord(rowNumber, record, this.mapping, lineStart, lineEnd);
    } else this.rows.add(rowNumber, recordToTemplateRow(record, this.mapping));
    return true;
  }

  /** Ends the file: the whole-file error, if any (empty, header only…). */
  finish(): FileError | null {
    if (this.error) return this.error;
    if (this.mapping === null) {
      this.error = { code: 'EMPTY', message: CSV_FILE_ERROR_MESSAGES.EMPTY };
    } else if (this.dataRows === 0) {
      this.error = { code: 'NO_DATA_ROWS', message: CSV_FILE_ERROR_MESSAGES.NO_DATA_ROWS };
    }
    return this.error;
  }

  /**
   * A line of a file whose columns are all the template's holds little more than its values, so
   * rows stay lines; extra columns would keep their text too, so those files' rows are packed.
   */
  private keepLines(mapping: HeaderMapping): void {
    const split = this.splitLine;
    if (split === null || mapping.unknown.length > 0 || mapping.repeated.length > 0) return;
    this.lines = new FileLines((line) => recordToTemplateRow(split(line), mapping));
    this.rows.useLines(this.lines);
    this.lines.beginChunk(this.text);
  }

  private acceptHeader(record: readonly string[]): boolean {
    const mapping = mapHeader(record);
    if (mapping.problem !== null) {
      this.error = { code: 'MISSING_COLUMNS', message: mapping.problem };
      return false;
    }
    this.mapping = mapping;
    this.keepLines(mapping);
    for (const name of mapping.unknown) {
      this.notices.push({
        column: name,
        message: `The column "${name}" is not part of the template and was ignored.`,
      });
    }
    for (const key of mapping.repeated) {
      const label = TEMPLATE_COLUMN_LABELS[key];
      this.notices.push({
        column: label,
        message: `The column "${label}" appears more than once; the first one was used.`,
      });
    }
    return true;
  }
}
