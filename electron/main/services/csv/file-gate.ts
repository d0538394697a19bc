// What main accepts as a file to open: a regular file (no folder, device or link to one), of a
// CSV-like type, under the size limit. Paths from a drop or the recent list go through it again.
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CSV_FILE_EXTENSIONS, MAX_CSV_FILE_BYTES } from '../../../../common/csv/file-check';
import { MainError } from '../main-error';

const WORKBOOK_EXTENSIONS = ['xlsx', 'xls', 'xlsm', 'ods'];

/**
 * The real path of a file main may read, or a MainError saying why not. Workbooks pass (the
 * engine then says how to save them as CSV); size is left to the engine's TOO_LARGE answer.
 */
export async function acceptFile(filePath: string): Promise<string> {
  if (!filePath || !path.isAbsolute(filePath)) {
    throw new MainError('FILE_REFUSED', 'Linedesk can only open a file dropped from a folder.');
  }
  const extension = path.extname(filePath).slice(1).toLowerCase();
  if (
    !(CSV_FILE_EXTENSIONS as readonly string[]).includes(extension) &&
    !WORKBOOK_EXTENSIONS.includes(extension)
  ) {
    throw new MainError(
      'FILE_REFUSED',
      `${path.basename(filePath)} is not a CSV file. Open a .csv or .txt file saved from a spreadsheet.`,
    );
  }
  let real: string;
  try {
    await lstat(filePath);
    real = await realpath(filePath);
  } catch {
    throw new MainError('FILE_NOT_FOUND', `${path.basename(filePath)} could not be found.`);
  }
  const info = await stat(real);
  if (!info.isFile()) {
    throw new MainError('FILE_REFUSED', `${path.basename(filePath)} is not a file.`);
  }
  return real;
}

/** True when the file is over the engine's limit (checked before copying it into a draft). */
export async function isTooLarge(filePath: string): Promise<boolean> {
  return (await stat(filePath)).size > MAX_CSV_FILE_BYTES;
}
