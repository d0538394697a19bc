// The engine's one entry for a file: read it (encoding, delimiter, records) and check every row
// against the organization data known. Used by the worker thread and by the headless checker.
import type { CheckedRows } from '../../../../common/csv/checked-rows';
import {
  MAX_CSV_DATA_ROWS,
  type CsvDelimiter,
  type CsvEncoding,
} from '../../../../common/csv/file-check';
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
  let reserved = false;
  const onChunk = (bytes: { bytesRead: number; totalBytes: number }) => {
    // After the first chunk, the rows of the whole file are foreseen from its size: the indexes
    // are made that big at once instead of growing (and rehashing) all along the file.
    if (!reserved && intake.rows.size > 0) {
      reserved = true;
      const expected = Math.ceil((intake.rows.size * bytes.totalBytes * 1.05) / bytes.bytesRead);
      intake.rows.reserve(Math.min(expected, MAX_CSV_DATA_ROWS));
    }
    onProgress?.({ rowsRead: intake.rows.size, ...bytes });
  };
  const read = await readCsvFile(
    filePath,
    {
      format: (splitLine) => intake.readLinesWith(splitLine),
      text: (input) => intake.beginText(input),
      record: (cells, start, end) => intake.push(cells, start, end),
    },
    {
      signal: options.signal,
      onProgress: onChunk,
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
