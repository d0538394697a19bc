// Saves a CSV the renderer produced (the accounts export, a report's table) or a chart picture (PNG) where the administrator chooses, through
// the system save dialog. Written with a UTF-8 byte order mark so Excel reads accents correctly,
// and re-written through the one CSV writer so no formula cell leaves the app, whatever its source.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { writeCsv } from '../../../common/csv/writer';
import type { SaveCsvResult } from '../../../common/ipc/contract';
import { MainError } from './main-error';

/** The part of Electron's dialog used here; a test double in Node. */
export interface SaveDialog {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

/** The part of Electron's Open dialog used to pick a CSV; a test double in Node. */
export interface OpenDialog {
  showOpenDialog(options: {
    title: string;
    defaultPath?: string;
    properties: 'openFile'[];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface ExportFiles {
  saveCsv(args: { suggestedName: string; content: string }): Promise<SaveCsvResult>;
  /** A chart picture (PNG data URL) through the same dialog. */
  savePng(args: { suggestedName: string; dataUrl: string }): Promise<SaveCsvResult>;
}

const BOM = '\uFEFF';

/** The same records, every cell through the formula rule (already neutralised cells stay as they are). */
export function formulaSafeCsv(content: string): string {
  const text = content.startsWith(BOM) ? content.slice(1) : content;
  const records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return writeCsv(records);
}

export function createExportFiles(options: {
  dialog: SaveDialog;
  /** Where the dialog opens, e.g. the Downloads folder. */
  defaultDirectory: string;
}): ExportFiles {
  /** Asks where to save `suggestedName` (given the extension) and writes `data` there. */
  async function saveAs(
    suggestedName: string,
    kind: { extension: string; label: string },
    data: string | Buffer,
  ): Promise<SaveCsvResult> {
    const suffix = `.${kind.extension}`;
    const name = suggestedName.toLowerCase().endsWith(suffix)
      ? suggestedName
      : `${suggestedName}${suffix}`;
    const choice = await options.dialog.showSaveDialog({
      title: 'Save the export',
      defaultPath: path.join(options.defaultDirectory, path.basename(name)),
      filters: [{ name: kind.label, extensions: [kind.extension] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    try {
      await writeFile(choice.filePath, data);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown';
      throw new MainError(
        'FILE_NOT_SAVED',
        `The file could not be saved to ${choice.filePath} (${reason}). Choose another folder and try again.`,
      );
    }
    return { saved: true, filePath: choice.filePath };
  }
  return {
    saveCsv: ({ suggestedName, content }) =>
      saveAs(
        suggestedName,
        { extension: 'csv', label: 'CSV file' },
        Buffer.from(BOM + formulaSafeCsv(content), 'utf8'),
      ),
    savePng: ({ suggestedName, dataUrl }) =>
      saveAs(
        suggestedName,
        { extension: 'png', label: 'PNG picture' },
        Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'),
      ),
  };
}
