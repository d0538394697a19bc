// The CSV template of the import wizard: its columns, in order, and the header row written exactly so.
// Used by the service (GET /imports/template.csv, results and exports) and by the desktop wizard.

/** Keys of the template columns, in the order they appear in the template. */
export const TEMPLATE_COLUMN_KEYS = [
  'firstName',
  'lastName',
  'contact',
  'linesAllowed',
  'permissionProfile',
  'number',
] as const;

export type TemplateColumnKey = (typeof TEMPLATE_COLUMN_KEYS)[number];

/** The header label of each column, as Linedesk writes it. */
export const TEMPLATE_COLUMN_LABELS: Readonly<Record<TemplateColumnKey, string>> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  contact: 'Email or Device #',
  linesAllowed: 'Number Of Lines Allowed',
  permissionProfile: 'User Permissions',
  number: 'Number',
};

/** Columns a file must have; the others are optional per-row overrides. */
export const REQUIRED_TEMPLATE_COLUMNS: readonly TemplateColumnKey[] = [
  'firstName',
  'lastName',
  'contact',
];

/** The header labels in template order. */
export const TEMPLATE_HEADER_LABELS: readonly string[] = TEMPLATE_COLUMN_KEYS.map(
  (key) => TEMPLATE_COLUMN_LABELS[key],
);

/** The exact header line (without line break): `First Name,Last Name,Email or Device #,…`. */
export const TEMPLATE_HEADER = TEMPLATE_HEADER_LABELS.join(',');

/** Default for an empty `Number Of Lines Allowed` cell. */
export const DEFAULT_LINES_ALLOWED = 1;

/** The organization setting's default when nothing else is known (product.md). */
export const DEFAULT_MAX_LINES_ALLOWED = 5;

/**
 * Row number as a spreadsheet shows it for the n-th data record (0-based):
 * the header is row 1, so the first data record is row 2.
 */
export function spreadsheetRowNumber(dataRecordIndex: number): number {
  return dataRecordIndex + 2;
}
