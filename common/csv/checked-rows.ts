// The checked rows of one file or draft, kept compactly (a million rows in a few hundred MB): each
// row's cells as one string, flags in a byte array, problems only for the rows that have some.
// Repeats of a contact or number are derived from key indexes, so an edit re-checks only the rows
// it touches, and a page of any 100 rows is read without scanning the file.
import { formulaTrigger } from './formula';
import { KeyIndex } from './key-index';
import {
  checkImportRowWithKeys,
  rowProblemMessage,
  type ImportRowProblem,
  type ImportRowRulesContext,
} from './row-rules';
import { TEMPLATE_COLUMN_KEYS, type TemplateColumnKey } from './template';

/** The template cells of one row, as text. */
export type RowValues = Record<TemplateColumnKey, string>;

export type RowWarning = { column: TemplateColumnKey; message: string };

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

export interface RowCounts {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  warnings: number;
  withoutNumber: number;
}

const SEPARATOR = '\u001f';
const INVALID = 1;
const WARNING = 2;
const DELETED = 4;
const EDITED = 8;
const DUPLICATE_ONLY = 16;
const NO_NUMBER = 32;
/** Set in `counted` for a row included in the counts. */
const COUNTED = 64;

const joinValues = (values: RowValues): string =>
  TEMPLATE_COLUMN_KEYS.map((key) => values[key]).join(SEPARATOR);

function splitValues(joined: string): RowValues {
  const parts = joined.split(SEPARATOR);
  const values = {} as RowValues;
  TEMPLATE_COLUMN_KEYS.forEach((key, index) => (values[key] = parts[index] ?? ''));
  return values;
}

/** Names a spreadsheet would run as a formula: stored as text, neutralised in every CSV written. */
function rowWarnings(rowNumber: number, values: RowValues): RowWarning[] | undefined {
  let warnings: RowWarning[] | undefined;
  for (const column of ['firstName', 'lastName'] as const) {
    const trigger = formulaTrigger(values[column]);
    if (trigger === null) continue;
    (warnings ??= []).push({
      column,
      message: rowProblemMessage(
        rowNumber,
        column,
        `starts with "${trigger}" and looks like a spreadsheet formula; Linedesk keeps it as text and neutralises it in every CSV it writes.`,
      ),
    });
  }
  return warnings;
}

/** Trims every cell; absent cells become ''. */
export function trimmedValues(cells: Partial<Record<TemplateColumnKey, string>>): RowValues {
  const values = {} as RowValues;
  for (const key of TEMPLATE_COLUMN_KEYS) values[key] = (cells[key] ?? '').trim();
  return values;
}

/** The rows of one file, checked against one context (the organization's cached data). */
export class CheckedRows {
  private rowNumbers = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  /** The flags each row was counted with (0 = not counted). */
  private counted = new Uint8Array(1024);
  private readonly cells: string[] = [];
  /** Rows whose values hold the separator (kept whole instead). */
  private readonly oddValues = new Map<number, RowValues>();
  private readonly contactKeys: (string | null)[] = [];
  private readonly numberKeys: (string | null)[] = [];
  private readonly baseProblems = new Map<number, ImportRowProblem[]>();
  private readonly warnings = new Map<number, RowWarning[]>();
  private readonly contacts = new KeyIndex();
  private readonly numbers = new KeyIndex();
  private readonly views = new Map<RowsFilter, Int32Array>();
  private tally: RowCounts = emptyCounts();

  constructor(private context: ImportRowRulesContext = {}) {}

  /** Rows stored, deleted ones included. */
  get size(): number {
    return this.cells.length;
  }

  counts(): RowCounts {
    return { ...this.tally };
  }

  /** Adds the next row of the file (row numbers increase). */
  add(rowNumber: number, values: RowValues): void {
    const index = this.cells.length;
    if (index === this.rowNumbers.length) this.grow();
    this.rowNumbers[index] = rowNumber;
    this.cells.push('');
    this.contactKeys.push(null);
    this.numberKeys.push(null);
    this.store(index, values);
    this.check(index, values);
    this.refresh(index);
  }

  /** The row with this spreadsheet number, or undefined (also when deleted). */
  row(rowNumber: number): CheckedRowView | undefined {
    const index = this.indexOf(rowNumber);
    return index === undefined ? undefined : this.view(index);
  }

  /** A page of rows matching the filter, in file order. */
  page(
    filter: RowsFilter,
    offset: number,
    limit: number,
  ): { rows: CheckedRowView[]; total: number } {
    const indexes = this.indexesOf(filter);
    const total = indexes ? indexes.length : this.cells.length;
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
    const index = this.indexOf(rowNumber);
    if (index === undefined) return undefined;
    const touched = this.unindex(index);
    const values = { ...this.valuesAt(index), [column]: value.trim() };
    this.store(index, values);
    this.flags[index]! |= EDITED;
    touched.push(...this.check(index, values));
    this.refresh(index);
    return { row: this.view(index), affected: this.refreshAll(touched, index) };
  }

  /** Deletes a row (its number is not reused); answers the rows whose repeats changed. */
  delete(rowNumber: number): { affected: CheckedRowView[] } | undefined {
    const index = this.indexOf(rowNumber);
    if (index === undefined) return undefined;
    const touched = this.unindex(index);
    this.baseProblems.delete(index);
    this.warnings.delete(index);
    this.untally(index);
    this.flags[index] = DELETED;
    this.views.clear();
    return { affected: this.refreshAll(touched, index) };
  }

  /** Checks every row again, e.g. against newer organization data. */
  recheck(context: ImportRowRulesContext): void {
    this.context = context;
    this.contacts.clear();
    this.numbers.clear();
    this.baseProblems.clear();
    this.warnings.clear();
    this.tally = emptyCounts();
    this.counted.fill(0);
    for (let index = 0; index < this.cells.length; index += 1) {
      if (this.flags[index]! & DELETED) continue;
      this.flags[index]! &= EDITED;
      this.check(index);
    }
    for (let index = 0; index < this.cells.length; index += 1) {
      if (!(this.flags[index]! & DELETED)) this.refresh(index);
    }
    this.views.clear();
  }

  /** Every row that is not deleted, in file order (for Save as CSV and the checker). */
  *entries(): IterableIterator<CheckedRowView> {
    for (let index = 0; index < this.cells.length; index += 1) {
      if (!(this.flags[index]! & DELETED)) yield this.view(index);
    }
  }

  private grow(): void {
    const rowNumbers = new Int32Array(this.rowNumbers.length * 2);
    rowNumbers.set(this.rowNumbers);
    this.rowNumbers = rowNumbers;
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
    const counted = new Uint8Array(this.counted.length * 2);
    counted.set(this.counted);
    this.counted = counted;
  }

  private indexOf(rowNumber: number): number | undefined {
    let low = 0;
    let high = this.cells.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.rowNumbers[middle]!;
      if (at === rowNumber) return this.flags[middle]! & DELETED ? undefined : middle;
      if (at < rowNumber) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  private store(index: number, values: RowValues): void {
    if (!TEMPLATE_COLUMN_KEYS.some((key) => values[key].includes(SEPARATOR))) {
      this.cells[index] = joinValues(values);
      this.oddValues.delete(index);
    } else {
      this.cells[index] = '';
      this.oddValues.set(index, values);
    }
  }

  private valuesAt(index: number): RowValues {
    return this.oddValues.get(index) ?? splitValues(this.cells[index]!);
  }

  /** Runs the row rules and indexes the row's keys; answers rows whose repeats changed. */
  private check(index: number, values: RowValues = this.valuesAt(index)): number[] {
    const { check, keys } = checkImportRowWithKeys(this.rowNumbers[index]!, values, this.context);
    if (check.problems.length > 0) this.baseProblems.set(index, check.problems);
    else this.baseProblems.delete(index);
    const warnings = rowWarnings(this.rowNumbers[index]!, values);
    if (warnings) this.warnings.set(index, warnings);
    else this.warnings.delete(index);
    this.contactKeys[index] = keys.contact;
    this.numberKeys[index] = keys.number;
    if (values.number === '') this.flags[index]! |= NO_NUMBER;
    else this.flags[index]! &= ~NO_NUMBER;
    const touched: number[] = [];
    if (keys.contact !== null) touched.push(...this.contacts.insert(keys.contact, index));
    if (keys.number !== null) touched.push(...this.numbers.insert(keys.number, index));
    return touched;
  }

  /** Removes the row's keys from the indexes; answers rows whose repeats changed. */
  private unindex(index: number): number[] {
    const touched: number[] = [];
    const contact = this.contactKeys[index];
    const number = this.numberKeys[index];
    if (contact) touched.push(...this.contacts.remove(contact, index));
    if (number) touched.push(...this.numbers.remove(number, index));
    this.contactKeys[index] = null;
    this.numberKeys[index] = null;
    return touched;
  }

  private refreshAll(indexes: number[], except: number): CheckedRowView[] {
    const unique = [...new Set(indexes)].filter((index) => index !== except).sort((a, b) => a - b);
    for (const index of unique) this.refresh(index);
    return unique.map((index) => this.view(index));
  }

  /** The repeats of a row's contact and number on earlier rows. */
  private repeats(index: number): ImportRowProblem[] {
    const rowNumber = this.rowNumbers[index]!;
    const repeats: ImportRowProblem[] = [];
    const contact = this.contactKeys[index];
    const contactFirst = contact ? this.contacts.firstOf(contact) : undefined;
    if (contact && contactFirst !== undefined && contactFirst !== index) {
      const first = this.rowNumbers[contactFirst]!;
      repeats.push({
        column: 'contact',
        kind: 'duplicate',
        message: rowProblemMessage(rowNumber, 'contact', `${contact} is already on row ${first}.`),
      });
    }
    const number = this.numberKeys[index];
    const numberFirst = number ? this.numbers.firstOf(number) : undefined;
    if (number && numberFirst !== undefined && numberFirst !== index) {
      const first = this.rowNumbers[numberFirst]!;
      repeats.push({
        column: 'number',
        kind: 'invalid',
        message: rowProblemMessage(
          rowNumber,
          'number',
          `${number} is already given to row ${first}.`,
        ),
      });
    }
    return repeats;
  }

  private problemsOf(index: number): ImportRowProblem[] {
    const base = this.baseProblems.get(index) ?? [];
    const repeats = this.repeats(index);
    return repeats.length === 0 ? base : [...base, ...repeats];
  }

  private untally(index: number): void {
    const flags = this.counted[index]!;
    if (!(flags & COUNTED)) return;
    this.counted[index] = 0;
    this.tally.rows -= 1;
    if (flags & INVALID) this.tally.invalid -= 1;
    else this.tally.valid -= 1;
    if (flags & DUPLICATE_ONLY) this.tally.duplicates -= 1;
    if (flags & WARNING) this.tally.warnings -= 1;
    if (!(flags & INVALID) && flags & NO_NUMBER) this.tally.withoutNumber -= 1;
  }

  /** Recomputes a row's flags and the counts after its problems may have changed. */
  private refresh(index: number): void {
    const previous = this.flags[index]!;
    this.untally(index);
    const problems = this.problemsOf(index);
    let flags = previous & (EDITED | NO_NUMBER);
    if (problems.length > 0) flags |= INVALID;
    if (problems.length > 0 && problems.every((p) => p.kind === 'duplicate'))
      flags |= DUPLICATE_ONLY;
    if (this.warnings.has(index)) flags |= WARNING;
    this.flags[index] = flags;
    this.counted[index] = flags | COUNTED;
    this.tally.rows += 1;
    if (flags & INVALID) this.tally.invalid += 1;
    else this.tally.valid += 1;
    if (flags & DUPLICATE_ONLY) this.tally.duplicates += 1;
    if (flags & WARNING) this.tally.warnings += 1;
    if (!(flags & INVALID) && flags & NO_NUMBER) this.tally.withoutNumber += 1;
    this.views.clear();
  }

  private view(index: number): CheckedRowView {
    return {
      row: this.rowNumbers[index]!,
      values: this.valuesAt(index),
      normalisedContact: this.contactKeys[index] ?? null,
      problems: this.problemsOf(index),
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
    if (filter === 'all' && this.tally.rows === this.cells.length) return null;
    const indexes = new Int32Array(
      filter === 'all'
        ? this.tally.rows
        : filter === 'problems'
          ? this.tally.invalid
          : this.tally.valid,
    );
    let at = 0;
    for (let index = 0; index < this.cells.length; index += 1) {
      if (wanted(this.flags[index]!)) indexes[at++] = index;
    }
    this.views.set(filter, indexes);
    return indexes;
  }
}

function emptyCounts(): RowCounts {
  return { rows: 0, valid: 0, invalid: 0, duplicates: 0, warnings: 0, withoutNumber: 0 };
}
