// Maps a CSV header row onto the template columns, tolerating case, spacing, punctuation
// and the aliases people use in Excel ("first_name", "Email", "Device #", "Phone", "Lines"…).
import {
  REQUIRED_TEMPLATE_COLUMNS,
  TEMPLATE_COLUMN_KEYS,
  TEMPLATE_COLUMN_LABELS,
  TEMPLATE_HEADER,
  type TemplateColumnKey,
} from './template';

/** Normalised spellings (lower case, letters and digits only) accepted for each column. */
const ALIASES: Readonly<Record<TemplateColumnKey, readonly string[]>> = {
  firstName: ['firstname', 'first', 'givenname', 'forename', 'fname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname'],
  contact: [
    'emailordevice',
    'emailordevicenumber',
    'emailordeviceno',
    'emailorphone',
    'email',
    'emailaddress',
    'mail',
    'device',
    'devicenumber',
    'deviceno',
    'phone',
    'phonenumber',
    'mobile',
    'mobilenumber',
    'contact',
  ],
  linesAllowed: [
    'numberoflinesallowed',
    'nooflinesallowed',
    'linesallowed',
    'lines',
    'numberoflines',
    'maxlines',
  ],
  permissionProfile: [
    'userpermissions',
    'userpermission',
    'permissions',
    'permission',
    'permissionprofile',
    'profile',
  ],
  number: ['number', 'multilinenumber', 'multiline', 'assignednumber', 'linenumber'],
};

const ALIAS_TO_COLUMN: ReadonlyMap<string, TemplateColumnKey> = new Map(
  TEMPLATE_COLUMN_KEYS.flatMap((key) => ALIASES[key].map((alias) => [alias, key] as const)),
);

/** Lower-cases a header cell and keeps only letters and digits (drops a BOM, spaces, `_`, `#`…). */
export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The template column a header cell names, or null when it names none. */
export function columnForHeaderCell(cell: string): TemplateColumnKey | null {
  return ALIAS_TO_COLUMN.get(normaliseHeaderCell(cell)) ?? null;
}

export type HeaderMapping = {
  /** Index in the file's row of each recognised column. */
  columns: Partial<Record<TemplateColumnKey, number>>;
  /** Header cells that name no template column (kept, ignored). */
  unknown: string[];
  /** Required columns the header lacks. */
  missing: TemplateColumnKey[];
  /** Columns named more than once (the first one is used). */
  repeated: TemplateColumnKey[];
  /** One whole-file message when the header cannot be used; null when it can. */
  problem: string | null;
};

/** Reads a header row; a missing required column is a whole-file problem with one clear message. */
export function mapHeader(headerCells: readonly string[]): HeaderMapping {
  const columns: Partial<Record<TemplateColumnKey, number>> = {};
  const unknown: string[] = [];
  const repeated: TemplateColumnKey[] = [];
  headerCells.forEach((cell, index) => {
    const key = columnForHeaderCell(cell);
    if (key === null) {
      if (cell.trim() !== '') unknown.push(cell);
    } else if (columns[key] === undefined) {
      columns[key] = index;
    } else if (!repeated.includes(key)) {
      repeated.push(key);
    }
  });
  const missing = REQUIRED_TEMPLATE_COLUMNS.filter((key) => columns[key] === undefined);
  let problem: string | null = null;
  if (missing.length > 0) {
    const names = missing.map((key) => `"${TEMPLATE_COLUMN_LABELS[key]}"`).join(', ');
    problem =
      `The file has no ${names} column${missing.length > 1 ? 's' : ''}. ` +
      `Row 1 must be the header: ${TEMPLATE_HEADER}`;
  }
  return { columns, unknown, missing, repeated, problem };
}

const cellAt = (record: readonly string[], index: number | undefined): string =>
  index === undefined ? '' : (record[index] ?? '').trim();

/**
 * Picks the template fields out of one data record using a header mapping, trimmed (absent cells
 * → ''): one object a row, as the checks take it.
 */
export function recordToTemplateRow(
  record: readonly string[],
  mapping: Pick<HeaderMapping, 'columns'>,
): Record<TemplateColumnKey, string> {
  const { columns } = mapping;
  return {
    firstName: cellAt(record, columns.firstName),
    lastName: cellAt(record, columns.lastName),
    contact: cellAt(record, columns.contact),
    linesAllowed: cellAt(record, columns.linesAllowed),
    permissionProfile: cellAt(record, columns.permissionProfile),
    number: cellAt(record, columns.number),
  };
}
