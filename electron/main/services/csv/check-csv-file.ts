// The engine's one entry for a file: read it (encoding, delimiter, records) and check every row
// against the organization data known. Used by the worker thread and by the headless checker.
import type { CheckedRows } from '../../../../common/csv/checked-rows';
import type { CsvDelimiter, CsvEncoding } from '../../../../common/csv/file-check';
import {
  RecordIntake,
  type FileError,
  type FileNotice,
} from '../../../../common/csv/record-intake';
import type { ImportRowRulesContext } from '../../../../common/csv/row-rules';
import { readCsvFile } from './read-csv-file';

export type CsvFileCheck =
  | {
      ok: true;
      encoding: CsvEncoding;
      delimiter: CsvDelimiter;
      notices: FileNotice[];
      rows: CheckedRows;
    }
  | { ok: false; error: FileError; encoding: CsvEncoding | null; delimiter: CsvDelimiter | null }
  | { ok: false; cancelled: true };

/** How far a check is: data rows read, and bytes read of the file's size. */
export type CheckProgress = { rowsRead: number; bytesRead: number; totalBytes: number };

export interface CheckCsvOptions {
  /** Stops the check between two chunks of the file (answered as `cancelled`). */
  signal?: AbortSignal;
  onProgress?: (progress: CheckProgress) => void;
}

/** Reads and checks a whole file; a whole-file problem stops reading at once. */
export async function checkCsvFile(
  filePath: string,
  context: ImportRowRulesContext = {},
  options: CheckCsvOptions = {},
): Promise<CsvFileCheck> {
  const intake = new RecordIntake(context);
  const { onProgress } = options;
  const read = await readCsvFile(
    filePath,
    (records) => {
      for (const record of records) if (!intake.push(record)) return false;
      return true;
    },
    {
      signal: options.signal,
      onProgress: onProgress && ((bytes) => onProgress({ rowsRead: intake.rows.size, ...bytes })),
    },
  );
  if (!read.ok) {
    if ('cancelled' in read) return read;
    return { ok: false, error: read.error, encoding: null, delimiter: null };
  }
  const error = intake.finish();
  if (error) return { ok: false, error, encoding: read.encoding, delimiter: read.delimiter };
  const notices: FileNotice[] = [...intake.notices];
  if (read.encoding === 'windows-1252') {
    notices.unshift({
      message:
        'The file is not UTF-8; it was read as Windows-1252 (Excel\'s "CSV (Comma delimited)"). Check accented names.',
    });
  }
  return {
    ok: true,
    encoding: read.encoding,
    delimiter: read.delimiter,
    notices,
    rows: intake.rows,
  };
}
