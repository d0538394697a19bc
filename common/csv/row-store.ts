// Where the checked rows' cells and keys are kept, in the cheapest form each row allows. A row read
// from a file whose columns are the template's stays a line of that file (FileLines): nothing is
// built for it while a million rows stream by. Any other row — an edited one, one from a file with
// extra columns — is packed as text (RowText), and the rare row holding the packing's own separator
// is kept whole.
import type { FileLines } from './file-lines';
import { RowText } from './row-text';
import { TEMPLATE_COLUMN_KEYS, type TemplateColumnKey } from './template';

/** The template cells of one row, as text. */
export type RowValues = Record<TemplateColumnKey, string>;

/** A row as stored: its cells and its normalised contact and number (null when absent or invalid). */
export type StoredRow = { values: RowValues; contact: string | null; number: string | null };

const SEPARATOR = '\u001f';
/** In a stored row's key field: the key is the cell itself (most emails, numbers in E.164). */
const SAME_AS_CELL = '\u001e';

const keyField = (key: string | null, cell: string): string =>
  key === null ? '' : key === cell ? SAME_AS_CELL : key;

const keyOfField = (field: string | undefined, cell: string): string | null =>
  !field ? null : field === SAME_AS_CELL ? cell : field;

/** The key a row's cell stands for when the cell needs no normalising. */
const cellKey = (cell: string): string | null => (cell === '' ? null : cell);

function splitRow(joined: string): StoredRow {
  const parts = joined.split(SEPARATOR);
  const values = {} as RowValues;
  TEMPLATE_COLUMN_KEYS.forEach((key, index) => (values[key] = parts[index] ?? ''));
  return {
    values,
    contact: keyOfField(parts[6], values.contact),
    number: keyOfField(parts[7], values.number),
  };
}

const hasSeparator = (values: RowValues): boolean =>
  values.firstName.includes(SEPARATOR) ||
  values.lastName.includes(SEPARATOR) ||
  values.contact.includes(SEPARATOR) ||
  values.linesAllowed.includes(SEPARATOR) ||
  values.permissionProfile.includes(SEPARATOR) ||
  values.number.includes(SEPARATOR);

/** Rows by index, each with its cells and keys. */
export class RowStore {
  private readonly packed = new RowText();
  /** Rows whose values hold the separator (kept whole instead). */
  private readonly whole = new Map<number, StoredRow>();
  private lines: FileLines<RowValues> | null = null;
  /** Keys of line rows that their cells do not show (a device number's E.164, a lower-cased email). */
  private readonly lineKeys = new RowText();

  /** From now on, rows given with a line position are kept as lines of this file. */
  useLines(lines: FileLines<RowValues>): void {
    this.lines = lines;
  }

  /**
   * Keeps a row: as the line `lineStart`–`lineEnd` of the file's current chunk when given (the
   * values must be what the line reads as), else packed.
   */
  set(
    index: number,
    values: RowValues,
    contact: string | null,
    number: string | null,
    lineStart = -1,
    lineEnd = -1,
  ): void {
    if (this.whole.size > 0) this.whole.delete(index);
    if (lineStart >= 0 && this.lines !== null) {
      this.setLine(index, contact, values.contact, number, values.number, lineStart, lineEnd);
      return;
    }
    this.lines?.forget(index);
    if (hasSeparator(values)) {
      this.whole.set(index, { values, contact, number });
      return;
    }
    // One concatenation a row: far cheaper than pushing its fifteen pieces one by one.
    this.packed.set(
      index,
      values.firstName +
        SEPARATOR +
        values.lastName +
        SEPARATOR +
        values.contact +
        SEPARATOR +
        values.linesAllowed +
        SEPARATOR +
        values.permissionProfile +
        SEPARATOR +
        values.number +
        SEPARATOR +
        keyField(contact, values.contact) +
        SEPARATOR +
        keyField(number, values.number),
    );
  }

  /**
   * Keeps a row as the line `lineStart`–`lineEnd` of the current chunk (see useLines), with its
   * keys and the trimmed cells they come from: a key its cell shows is not kept twice.
   */
  setLine(
    index: number,
    contact: string | null,
    contactCell: string,
    number: string | null,
    numberCell: string,
    lineStart: number,
    lineEnd: number,
  ): void {
    this.lines!.set(index, lineStart, lineEnd);
    if (contact === cellKey(contactCell) && number === cellKey(numberCell)) {
      this.lineKeys.delete(index);
    } else {
      this.lineKeys.set(
        index,
        keyField(contact, contactCell) + SEPARATOR + keyField(number, numberCell),
      );
    }
  }

  /**
   * One key of a row (the duplicate indexes ask when two hashes meet): a line row's kept key is read
   * without parsing its line again.
   */
  key(index: number, column: 'contact' | 'number'): string | null {
    if (this.lines?.has(index) && (this.whole.size === 0 || !this.whole.has(index))) {
      if (!this.lineKeys.has(index)) return cellKey(this.lines.get(index)[column]);
      const field = this.lineKeys.get(index).split(SEPARATOR)[column === 'contact' ? 0 : 1];
      if (field !== SAME_AS_CELL) return field || null;
    }
    return this.get(index)[column];
  }

  get(index: number): StoredRow {
    if (this.whole.size > 0) {
      const whole = this.whole.get(index);
      if (whole) return whole;
    }
    if (this.lines?.has(index)) {
      const values = this.lines.get(index);
      if (!this.lineKeys.has(index)) {
        return { values, contact: cellKey(values.contact), number: cellKey(values.number) };
      }
      const [contact, number] = this.lineKeys.get(index).split(SEPARATOR);
      return {
        values,
        contact: keyOfField(contact, values.contact),
        number: keyOfField(number, values.number),
      };
    }
    return splitRow(this.packed.get(index));
  }
}
