// Whole-file facts of a CSV the engine reads: the encodings and delimiters it recognises, the
// limits, and the whole-file error codes with the one sentence each says to an administrator.

/** Encodings the engine detects (`utf-8-bom`: UTF-8 with a byte order mark). */
export const CSV_ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1252',
] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** Delimiters the engine sniffs. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Whole-file errors: the file is refused as a whole, nothing is imported. */
export const CSV_FILE_ERROR_CODES = [
  'EMPTY',
  'NOT_TEXT',
  'WORKBOOK',
  'NO_DATA_ROWS',
  'MISSING_COLUMNS',
  'TOO_LARGE',
  'TOO_MANY_ROWS',
] as const;
export type CsvFileErrorCode = (typeof CSV_FILE_ERROR_CODES)[number];

/** Largest file the engine reads (200 MB). */
export const MAX_CSV_FILE_BYTES = 200 * 1024 * 1024;

/** Most data rows a file may hold. */
export const MAX_CSV_DATA_ROWS = 1_000_000;

/** File name endings accepted from a drop (a CSV-like type). */
export const CSV_FILE_EXTENSIONS = ['csv', 'txt', 'tsv', 'tab'] as const;

/** The one sentence of each whole-file error (MISSING_COLUMNS names its columns itself). */
export const CSV_FILE_ERROR_MESSAGES: Readonly<
  Record<Exclude<CsvFileErrorCode, 'MISSING_COLUMNS'>, string>
> = {
  EMPTY: 'The file is empty: row 1 must be the header of the template.',
  NOT_TEXT:
    'The file is not a text CSV file (it looks binary or cannot be read as text). Open it in a spreadsheet and save it as "CSV UTF-8".',
  WORKBOOK:
    'The file is a spreadsheet workbook, not a CSV file. Open it in Excel or LibreOffice and use "Save As" with the type "CSV UTF-8 (Comma delimited)".',
  NO_DATA_ROWS: 'The file has a header but no rows of accounts.',
  TOO_LARGE: 'The file is larger than 200 MB. Split it into smaller files and check each one.',
  TOO_MANY_ROWS:
    'The file has more than 1,000,000 rows. Split it into files of at most 1,000,000 rows.',
};

/** Human name of an encoding, for notices and the checker's output. */
export const CSV_ENCODING_LABELS: Readonly<Record<CsvEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252',
};

/** Human name of a delimiter. */
export const CSV_DELIMITER_LABELS: Readonly<Record<CsvDelimiter, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};
