// The checked rows of one file or draft, kept compactly (a million rows in well under 512 MB): each
// row's cells and keys in a RowStore (the file's own lines where it can), its standing in a byte of
// flags counted by a RowTally, problems only for the rows that have some. Repeats of a contact or
// number are derived from key indexes, so an edit re-checks only the rows it touches, and a page of
// any 100 rows is read without scanning the file.
import { KeyIndex } from './key-index';
import type { FileLines } from './file-lines';
import { RowStore, type RowValues, type StoredRow } from './row-store';
import {
  DELETED,
  DUPLICATE_ONLY,
  EDITED,
  FULLY_CHECKED,
  INVALID,
  NO_NUMBER,
  RowTally,
  type RowCounts,
  WARNING,
} from './row-tally';
import { recordToTemplateRow, type HeaderMapping } from './header-aliases';
import {
  checkImportRowWithKeys,
  formulaWarnings,
  plainContactOf,
  plainRowContact,
  rowProblemMessage,
  type ImportRowProblem,
  type ImportRowRulesContext,
  type RowWarning,
} from './row-rules';
import type { TemplateColumnKey } from './template';

export type { RowValues } from './row-store';

export type { RowWarning } from './row-rules';

/** One row with what the checks found. */
export interface CheckedRowView {
  /** As a spreadsheet shows it (header = row 1). */
  row: number;
  values: RowValues;
  normalisedContact: string | null;
  problems: ImportRowProblem[];
  warnings: RowWarning[];
  edited: boolean;
}

export type RowsFilter = 'all' | 'problems' | 'valid';

export type { RowCounts } from './row-tally';

const NO_ROWS: readonly number[] = [];
/** In place of a line position: the row is stored already and stays as it is. */
const KEEP_STORED = -2;
/** A record's cell in a mapped column as read (absent column: ''; short record: undefined). */
const cellAt = (record: readonly string[], at: number | undefined): string | undefined =>
  at === undefined ? '' : record[at];

/** Trims every cell; absent cells become ''. */
export function trimmedValues(cells: Partial<Record<TemplateColumnKey, string>>): RowValues {
  return {
    firstName: (cells.firstName ?? '').trim(),
    lastName: (cells.lastName ?? '').trim(),
    contact: (cells.contact ?? '').trim(),
    linesAllowed: (cells.linesAllowed ?? '').trim(),
    permissionProfile: (cells.permissionProfile ?? '').trim(),
    number: (cells.number ?? '').trim(),
  };
}

/** The rows of one file, checked against one context (the organization's cached data). */
export class CheckedRows {
  private rowNumbers = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private stored = 0;
  private readonly rowStore = new RowStore();
  private readonly baseProblems = new Map<number, ImportRowProblem[]>();
  private readonly warnings = new Map<number, RowWarning[]>();
  private readonly contacts = new KeyIndex((index) => this.rowStore.key(index, 'contact'));
  private readonly numbers = new KeyIndex((index) => this.rowStore.key(index, 'number'));
  private readonly views = new Map<RowsFilter, Int32Array>();
  private readonly tally = new RowTally();
  /** Rows before this one are indexed and counted; later ones were added since (see settle). */
  private settled = 0;

  constructor(private context: ImportRowRulesContext = {}) {}

  /** Rows stored, deleted ones included. */
  get size(): number {
    return this.stored;
  }

  counts(): RowCounts {
    this.settle();
    return this.tally.current;
  }

  /** Makes room for about this many rows (estimated from the file's size) before they arrive. */
  reserve(rows: number): void {
    if (rows > this.rowNumbers.length) this.grow(rows);
    this.contacts.reserve(rows);
  }

  /** Rows added with a line position from now on are kept as lines of this file. */
  useLines(lines: FileLines<RowValues>): void {
    this.rowStore.useLines(lines);
  }

  /**
   * Adds the next row of the file (row numbers increase); with `lineStart`–`lineEnd`, its line in
   * the chunk the lines began last (see useLines), which the values must be what it reads as.
   */
  add(rowNumber: number, values: RowValues, lineStart = -1, lineEnd = -1): void {
    const index = this.stored;
    if (index === this.rowNumbers.length) this.grow(index + 1);
    this.stored += 1;
    this.rowNumbers[index] = rowNumber;
    this.check(index, values, lineStart, lineEnd, true);
  }

  /**
   * Adds the next row of a file kept as lines (see useLines) from its record and where its line
   * is. A plain row — most of a big file — is kept without its values made: its line gives them
   * when asked. Any other row goes through `add`.
   */
  addRecord(
    rowNumber: number,
    record: readonly string[],
    mapping: Pick<HeaderMapping, 'columns'>,
    lineStart: number,
    lineEnd: number,
  ): void {
    const { columns } = mapping;
    const contactCell = cellAt(record, columns.contact);
    const contact = plainContactOf(
      cellAt(record, columns.firstName),
      cellAt(record, columns.lastName),
      contactCell,
      cellAt(record, columns.linesAllowed),
      cellAt(record, columns.permissionProfile),
      cellAt(record, columns.number),
      this.context,
    );
    if (contact === null) {
      this.add(rowNumber, recordToTemplateRow(record, mapping), lineStart, lineEnd);
      return;
    }
    const index = this.stored;
    if (index === this.rowNumbers.length) this.grow(index + 1);
    this.stored += 1;
    this.rowNumbers[index] = rowNumber;
    // A plain row has no number and no problem kept: the flags add() would give it.
    this.flags[index] = NO_NUMBER;
    this.rowStore.setLine(index, contact, contactCell!, null, '', lineStart, lineEnd);
    this.contacts.append(contact, index);
  }

  /** The row with this spreadsheet number, or undefined (also when deleted). */
  row(rowNumber: number): CheckedRowView | undefined {
    this.settle();
    const index = this.indexOf(rowNumber);
    return index === undefined ? undefined : this.view(index);
  }

  /** A page of rows matching the filter, in file order. */
  page(
    filter: RowsFilter,
    offset: number,
    limit: number,
  ): { rows: CheckedRowView[]; total: number } {
    this.settle();
    const indexes = this.indexesOf(filter);
    const total = indexes ? indexes.length : this.stored;
    const rows: CheckedRowView[] = [];
    for (let at = offset; at < Math.min(total, offset + limit); at += 1) {
      rows.push(this.view(indexes ? indexes[at]! : at));
    }
    return { rows, total };
  }

  /** Changes one cell; answers the row re-checked and the other rows whose repeats changed. */
  edit(
    rowNumber: number,
    column: TemplateColumnKey,
    value: string,
  ): { row: CheckedRowView; affected: CheckedRowView[] } | undefined {
    this.settle();
    const index = this.indexOf(rowNumber);
    if (index === undefined) return undefined;
    const values = { ...this.rowStore.get(index).values, [column]: value.trim() };
    const touched = this.unindex(index);
    this.flags[index]! |= EDITED;
    touched.push(...this.check(index, values));
    this.refresh(index);
    return { row: this.view(index), affected: this.refreshAll(touched, index) };
  }

  /** Deletes a row (its number is not reused); answers the rows whose repeats changed. */
  delete(rowNumber: number): { affected: CheckedRowView[] } | undefined {
    this.settle();
    const index = this.indexOf(rowNumber);
    if (index === undefined) return undefined;
    const touched = this.unindex(index);
    this.tally.uncount(index);
    this.flags[index] = DELETED;
    this.views.clear();
    return { affected: this.refreshAll(touched, index) };
  }

  /** Checks every row again, e.g. against newer organization data. */
  recheck(context: ImportRowRulesContext): void {
    this.settle();
    this.context = context;
    this.contacts.clear();
    this.numbers.clear();
    this.baseProblems.clear();
    this.warnings.clear();
    this.tally.clear();
    for (let index = 0; index < this.stored; index += 1) {
      if (this.flags[index]! & DELETED) continue;
      this.flags[index]! &= EDITED;
      this.check(index, this.rowStore.get(index).values, KEEP_STORED, -1, true);
    }
    this.settled = 0;
    this.settle();
    this.views.clear();
  }

  /** Every row that is not deleted, in file order (for Save as CSV and the checker). */
  *entries(): IterableIterator<CheckedRowView> {
    this.settle();
    for (let index = 0; index < this.stored; index += 1) {
      if (!(this.flags[index]! & DELETED)) yield this.view(index);
    }
  }

  private grow(rows: number): void {
    let size = this.rowNumbers.length;
    while (size < rows) size *= 2;
    const rowNumbers = new Int32Array(size);
    rowNumbers.set(this.rowNumbers);
    this.rowNumbers = rowNumbers;
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
  }

  private indexOf(rowNumber: number): number | undefined {
    let low = 0;
    let high = this.stored - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.rowNumbers[middle]!;
      if (at === rowNumber) return this.flags[middle]! & DELETED ? undefined : middle;
      if (at < rowNumber) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /**
   * Runs the row rules, keeps the row (as its line when a position is given) and indexes its keys,
   * or appends them for the next settle; answers rows whose repeats changed. The keys do not depend on the organization data, so a
   * re-check (KEEP_STORED) leaves the stored row alone.
   */
  private check(
    index: number,
    values: RowValues,
    lineStart = -1,
    lineEnd = -1,
    appending = false,
  ): readonly number[] {
    // Most rows of a big file pass every rule at a glance; the others get the full rules.
    let contact = plainRowContact(values, this.context);
    let number: string | null = null;
    if (contact === null) {
      const rowNumber = this.rowNumbers[index]!;
      const { check, keys } = checkImportRowWithKeys(rowNumber, values, this.context);
      if (check.problems.length > 0) this.baseProblems.set(index, check.problems);
      const warnings = formulaWarnings(rowNumber, values, check.problems);
      if (warnings) this.warnings.set(index, warnings);
      contact = keys.contact;
      number = keys.number;
      this.flags[index]! |= FULLY_CHECKED;
    } else this.flags[index]! &= ~FULLY_CHECKED;
    if (lineStart !== KEEP_STORED) {
      this.rowStore.set(index, values, contact, number, lineStart, lineEnd);
    }
    if (values.number === '') this.flags[index]! |= NO_NUMBER;
    else this.flags[index]! &= ~NO_NUMBER;
    if (appending) {
      if (contact !== null) this.contacts.append(contact, index);
      if (number !== null) this.numbers.append(number, index);
      return NO_ROWS;
    }
    let touched = contact === null ? NO_ROWS : this.contacts.insert(contact, index);
    if (number !== null) {
      const repeats = this.numbers.insert(number, index);
      if (repeats.length > 0) touched = [...touched, ...repeats];
    }
    return touched;
  }

  /**
   * Indexes and counts the rows added since last time: rows arriving in file order are indexed
   * together (see KeyIndex.append), before anything is asked of the rows.
   */
  private settle(): void {
    if (this.settled === this.stored) return;
    this.contacts.settle();
    this.numbers.settle();
    for (let index = this.settled; index < this.stored; index += 1) {
      if (!(this.flags[index]! & DELETED)) this.refresh(index);
    }
    this.settled = this.stored;
  }

  /** Removes the row's keys and problems; answers rows whose repeats changed. */
  private unindex(index: number): number[] {
    const { contact, number } = this.rowStore.get(index);
    this.baseProblems.delete(index);
    this.warnings.delete(index);
    const touched: number[] = [];
    if (contact) touched.push(...this.contacts.remove(contact, index));
    if (number) touched.push(...this.numbers.remove(number, index));
    return touched;
  }

  private refreshAll(indexes: number[], except: number): CheckedRowView[] {
    const unique = [...new Set(indexes)].filter((index) => index !== except).sort((a, b) => a - b);
    for (const index of unique) this.refresh(index);
    return unique.map((index) => this.view(index));
  }

  /** The repeats of a row's contact and number on earlier rows. */
  private repeats(index: number, row: StoredRow): ImportRowProblem[] {
    const rowNumber = this.rowNumbers[index]!;
    const repeats: ImportRowProblem[] = [];
    if (row.contact !== null && this.contacts.isRepeat(index)) {
      const first = this.rowNumbers[this.contacts.firstOf(row.contact)!]!;
      repeats.push({
        column: 'contact',
        kind: 'duplicate',
        message: rowProblemMessage(
          rowNumber,
          'contact',
          `${row.contact} is already on row ${first}.`,
        ),
      });
    }
    if (row.number !== null && this.numbers.isRepeat(index)) {
      const first = this.rowNumbers[this.numbers.firstOf(row.number)!]!;
      repeats.push({
        column: 'number',
        kind: 'invalid',
        message: rowProblemMessage(
          rowNumber,
          'number',
          `${row.number} is already given to row ${first}.`,
        ),
      });
    }
    return repeats;
  }

  /** Recomputes a row's flags and the counts after its problems may have changed (no allocation). */
  private refresh(index: number): void {
    const previous = this.flags[index]!;
    const fullyChecked = (previous & FULLY_CHECKED) !== 0;
    const base = fullyChecked ? this.baseProblems.get(index) : undefined;
    const contactRepeat = this.contacts.isRepeat(index);
    const numberRepeat = this.numbers.isRepeat(index);
    let flags = previous & (EDITED | NO_NUMBER | FULLY_CHECKED);
    if (base !== undefined || contactRepeat || numberRepeat) {
      flags |= INVALID;
      // A repeated contact is a duplicate; a repeated number, like most problems, is not.
      if (!numberRepeat && (base === undefined || base.every((p) => p.kind === 'duplicate')))
        flags |= DUPLICATE_ONLY;
    }
    if (fullyChecked && this.warnings.has(index)) flags |= WARNING;
    this.flags[index] = flags;
    this.tally.count(index, flags);
    if (this.views.size > 0) this.views.clear();
  }

  private view(index: number): CheckedRowView {
    const row = this.rowStore.get(index);
    const base = this.baseProblems.get(index) ?? [];
    const repeats = this.repeats(index, row);
    return {
      row: this.rowNumbers[index]!,
      values: row.values,
      normalisedContact: row.contact,
      problems: repeats.length === 0 ? base : [...base, ...repeats],
      warnings: this.warnings.get(index) ?? [],
      edited: (this.flags[index]! & EDITED) !== 0,
    };
  }

  /** The row indexes matching a filter; null when every stored row matches (no copy needed). */
  private indexesOf(filter: RowsFilter): Int32Array | null {
    const cached = this.views.get(filter);
    if (cached) return cached;
    const wanted = (flags: number): boolean => {
      if (flags & DELETED) return false;
      if (filter === 'problems') return (flags & INVALID) !== 0;
      if (filter === 'valid') return (flags & INVALID) === 0;
      return true;
    };
    const counts = this.tally.current;
    if (filter === 'all' && counts.rows === this.stored) return null;
    const indexes = new Int32Array(
      filter === 'all' ? counts.rows : filter === 'problems' ? counts.invalid : counts.valid,
    );
    let at = 0;
    for (let index = 0; index < this.stored; index += 1) {
      if (wanted(this.flags[index]!)) indexes[at++] = index;
    }
    this.views.set(filter, indexes);
    return indexes;
  }
}
