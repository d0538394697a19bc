// The fixture corpus of tests/fixtures/csv and what the engine must find in each file: spreadsheet
// exports made with LibreOffice (make-fixtures.sh) and hand-made cases.
import path from 'node:path';

export const FIXTURES_DIR = path.resolve('tests/fixtures/csv');

export interface FixtureOutcome {
  file: string;
  fileError?: string;
  encoding?: string;
  delimiter?: string;
  summary?: { rows: number; valid: number; invalid: number };
  /** `row:column` of every problem, in file order. */
  problems?: string[];
  /** Notices expected (substrings, in order). */
  notices?: string[];
  /** Values of one row as the checker shows them (contact normalised). */
  sample?: { row: number; values: Record<string, string> };
}

const staff = {
  summary: { rows: 6, valid: 4, invalid: 2 },
  problems: ['6:Number Of Lines Allowed', '7:Email or Device #'],
  sample: {
    row: 3,
    values: {
      firstName: 'Jürgen',
      lastName: 'Müller',
      contact: '+442079460958',
      linesAllowed: '2',
      permissionProfile: '',
      number: '',
    },
  },
};

export const FIXTURE_OUTCOMES: FixtureOutcome[] = [
  { file: 'libreoffice-utf8-semicolon.csv', encoding: 'utf-8', delimiter: ';', ...staff },
  { file: 'libreoffice-utf8-comma.csv', encoding: 'utf-8', delimiter: ',', ...staff },
  { file: 'libreoffice-utf8-tab.txt', encoding: 'utf-8', delimiter: '\t', ...staff },
  { file: 'libreoffice-utf16le-tab.txt', encoding: 'utf-16le', delimiter: '\t', ...staff },
  {
    file: 'libreoffice-cp1252-comma.csv',
    encoding: 'windows-1252',
    delimiter: ',',
    ...staff,
    notices: ['read as Windows-1252'],
  },
  { file: 'libreoffice-saved-as.xlsx', fileError: 'WORKBOOK' },
  {
    file: 'excel-utf8-bom-comma.csv',
    encoding: 'utf-8-bom',
    delimiter: ',',
    summary: { rows: 3, valid: 3, invalid: 0 },
    problems: [],
    sample: {
      row: 3,
      values: {
        firstName: 'Ζωή',
        lastName: 'Παπαδοπούλου',
        contact: '+302101234567',
        linesAllowed: '',
        permissionProfile: '',
        number: '',
      },
    },
  },
  {
    file: 'utf16be-tab.txt',
    encoding: 'utf-16be',
    delimiter: '\t',
    summary: { rows: 2, valid: 2, invalid: 0 },
    problems: [],
  },
  {
    file: 'template-note-row.csv',
    encoding: 'utf-8',
    delimiter: ',',
    summary: { rows: 2, valid: 2, invalid: 0 },
    problems: [],
    notices: ["Row 2: the template's Note row was skipped."],
  },
  {
    file: 'aliases.csv',
    delimiter: ';',
    summary: { rows: 2, valid: 2, invalid: 0 },
    problems: [],
    notices: ['"Department" is not part of the template'],
    sample: {
      row: 3,
      values: {
        firstName: 'Bob',
        lastName: 'Ray',
        contact: '+442079460958',
        linesAllowed: '',
        permissionProfile: '',
        number: '',
      },
    },
  },
  {
    file: 'aliases-mobile.csv',
    summary: { rows: 2, valid: 1, invalid: 1 },
    problems: ['3:Email or Device #'],
  },
  {
    file: 'formulas.csv',
    summary: { rows: 6, valid: 1, invalid: 5 },
    problems: ['2:First Name', '3:First Name', '4:Last Name', '5:Last Name', '6:First Name'],
  },
  {
    file: 'quotes-newlines.csv',
    summary: { rows: 4, valid: 3, invalid: 1 },
    problems: ['4:First Name'],
    sample: {
      row: 2,
      values: {
        firstName: 'Lee, Ann',
        lastName: "O'Neil".replace("'", '"'),
        contact: 'ann@example.com',
        linesAllowed: '',
        permissionProfile: '',
        number: '',
      },
    },
  },
  {
    file: 'duplicates.csv',
    summary: { rows: 5, valid: 2, invalid: 3 },
    problems: ['3:Email or Device #', '5:Email or Device #', '6:Number'],
  },
  {
    file: 'blank-lines.csv',
    summary: { rows: 3, valid: 2, invalid: 1 },
    problems: ['4:Email or Device #'],
  },
  {
    file: 'values-as-text.csv',
    summary: { rows: 3, valid: 2, invalid: 1 },
    problems: ['4:Email or Device #'],
    sample: {
      row: 2,
      values: {
        firstName: 'Ann',
        lastName: 'Lee',
        contact: '+12025550143',
        linesAllowed: '01',
        permissionProfile: '',
        number: '+12025550180',
      },
    },
  },
  { file: 'header-only.csv', fileError: 'NO_DATA_ROWS' },
  { file: 'empty.csv', fileError: 'EMPTY' },
  { file: 'binary.csv', fileError: 'NOT_TEXT' },
  { file: 'missing-columns.csv', fileError: 'MISSING_COLUMNS' },
];

/** An upload state as the wizard stores it with a draft (no job completed yet). */
export const SAMPLE_UPLOAD = {
  idempotencyKey: 'key-12345678',
  jobId: 'job-1',
  organizationId: 'org-1',
  applications: ['MultiLine'],
  permissionProfileId: null,
  invite: false,
  chunkRows: 1000,
  chunksAnswered: [0],
  completedAt: null as string | null,
};
