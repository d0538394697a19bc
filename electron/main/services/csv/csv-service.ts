// The import wizard's engine in main: opens files (dialog, drop, recent list) into drafts, pages and
// edits their checked rows in the worker thread, autosaves every change, and writes CSVs through
// main's Save dialog. The renderer only ever holds draft ids and pages of rows.
import path from 'node:path';
import type { ImportRowInput } from '../../../../common/api/imports';
import { CSV_FILE_ERROR_MESSAGES } from '../../../../common/csv/file-check';
import type { ImportRowRulesContext } from '../../../../common/csv/row-rules';
import type {
  CsvCancelOpenResult,
  CsvEditResult,
  CsvOpenProgress,
  CsvOpenResult,
  CsvRowsFilter,
  CsvRowsResult,
  CsvSaveResult,
  DraftListItem,
  DraftSummary,
  DraftUpload,
  RecentFile,
} from '../../../../common/ipc/csv-contract';
import type { TemplateColumnKey } from '../../../../common/csv/template';
import type { OpenDialog, SaveDialog } from '../export-files';
import { MainError } from '../main-error';
import type { CsvWorkerClient } from './csv-worker-client';
import type { LoadedDraft } from './csv-worker-protocol';
import type { DraftStore, DraftRecord } from './draft-store';
import { expiresAt } from './draft-store';
import { acceptFile, isTooLarge } from './file-gate';
import { createLoadedDrafts } from './loaded-drafts';
import type { RecentFiles } from './recent-files';

/** Where the checks' organization data comes from (main's offline cache). */
export interface ChecksContextSource {
  contextFor(organizationId: string | null): Promise<{
    context: ImportRowRulesContext;
    cachedAt: string | null;
  }>;
}

export interface CsvService {
  openByDialog(organizationId: string | null): Promise<CsvOpenResult>;
  openDropped(filePath: string, organizationId: string | null): Promise<CsvOpenResult>;
  openRecent(id: string, organizationId: string | null): Promise<CsvOpenResult>;
  rows(
    draftId: string,
    filter: CsvRowsFilter,
    offset: number,
    limit: number,
  ): Promise<CsvRowsResult>;
  edit(
    draftId: string,
    row: number,
    column: TemplateColumnKey,
    value: string,
  ): Promise<CsvEditResult>;
  deleteRow(draftId: string, row: number): Promise<CsvEditResult>;
  summary(draftId: string): Promise<DraftSummary>;
  recheck(draftId: string, organizationId?: string | null): Promise<DraftSummary>;
  saveAs(draftId: string): Promise<CsvSaveResult>;
  exportProblems(draftId: string): Promise<CsvSaveResult>;
  listDrafts(): Promise<DraftListItem[]>;
  openDraft(draftId: string): Promise<DraftSummary>;
  deleteDraft(draftId: string): Promise<void>;
  setUpload(draftId: string, upload: DraftUpload | null): Promise<DraftSummary>;
  recentFiles(): RecentFile[];
  clearRecentFiles(): void;
  /** Called when the recent list changed (main rebuilds File → Open Recent). */
  onRecentFilesChange(listener: () => void): () => void;
  /** Every row of a draft (deleted ones left out) for the import upload, with the file's name. */
  rowsForUpload(draftId: string): Promise<{ fileName: string; rows: ImportRowInput[] }>;
  /** Stops every file being opened: no draft and no copy of the file are left behind. */
  cancelOpen(): Promise<CsvCancelOpenResult>;
  /** Progress of the files being opened (not of drafts reloaded); returns an unsubscribe. */
  onOpenProgress(listener: (progress: CsvOpenProgress) => void): () => void;
  dispose(): Promise<void>;
}

export function summaryOf(record: DraftRecord): DraftSummary {
  return {
    draftId: record.draftId,
    name: record.name,
    encoding: record.encoding,
    delimiter: record.delimiter,
    counts: record.counts,
    notices: record.notices,
    organizationId: record.organizationId,
    metadataCachedAt: record.metadataCachedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    upload: record.upload,
  };
}

export function createCsvService(options: {
  store: DraftStore;
  worker: CsvWorkerClient;
  recent: RecentFiles;
  dialogs: SaveDialog & Partial<OpenDialog>;
  downloadsDir: string;
  contexts?: ChecksContextSource;
  now?: () => Date;
}): CsvService {
  const { store, worker, recent, dialogs } = options;
  const contexts: ChecksContextSource = options.contexts ?? {
    contextFor: async () => ({ context: {}, cachedAt: null }),
  };
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const drafts = createLoadedDrafts({ store, worker, contexts });
  /** Files being opened, so Cancel can stop them. */
  const openings = new Set<{ draftId: string; cancelled: boolean }>();

  async function persist(record: DraftRecord): Promise<void> {
    record.updatedAt = now();
    await store.save(record);
  }

  async function openPath(filePath: string, organizationId: string | null): Promise<CsvOpenResult> {
    const real = await acceptFile(filePath);
    const name = path.basename(filePath);
    if (await isTooLarge(real)) {
      return {
        outcome: 'fileError',
        name,
        fileError: { code: 'TOO_LARGE', message: CSV_FILE_ERROR_MESSAGES.TOO_LARGE },
      };
    }
    const draftId = store.newDraftId();
    const opening = { draftId, cancelled: false };
    openings.add(opening);
    let result: LoadedDraft;
    let cachedAt: string | null;
    try {
      const sourcePath = await store.importSource(draftId, real);
      const checks = await contexts.contextFor(organizationId);
      cachedAt = checks.cachedAt;
      result = opening.cancelled
        ? { ok: false, cancelled: true }
        : await worker.load({
            draftId,
            sourcePath,
            context: checks.context,
            edits: [],
            deleted: [],
          });
      if (result.ok && opening.cancelled) {
        await worker.close({ draftId });
        result = { ok: false, cancelled: true };
      }
    } catch (error) {
      await store.remove(draftId).catch(() => undefined);
      throw error;
    } finally {
      openings.delete(opening);
    }
    if (!result.ok) {
      await store.remove(draftId);
      if ('cancelled' in result) return { outcome: 'cancelled' };
      return { outcome: 'fileError', name, fileError: result.error };
    }
    const at = now();
    const record: DraftRecord = {
      version: 1,
      draftId,
      name,
      encoding: result.encoding,
      delimiter: result.delimiter,
      notices: result.notices,
      counts: result.counts,
      organizationId,
      metadataCachedAt: cachedAt,
      createdAt: at,
      updatedAt: at,
      upload: null,
      edits: [],
      deleted: [],
    };
    await store.save(record);
    drafts.remember(record);
    recent.remember(real);
    return { outcome: 'opened', draft: summaryOf(record) };
  }

  async function saveThrough(
    draftId: string,
    title: string,
    suffix: string,
    write: (filePath: string) => Promise<number>,
  ): Promise<CsvSaveResult> {
    const record = await drafts.recordOf(draftId);
    const base = record.name.replace(/\.[^.]*$/, '');
    const choice = await dialogs.showSaveDialog({
      title,
      defaultPath: path.join(options.downloadsDir, `${base}${suffix}.csv`),
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const filePath = choice.filePath;
    try {
      const rows = await drafts.withDraft(draftId, () => write(filePath));
      return { saved: true, fileName: path.basename(filePath), rows };
    } catch (error) {
      if (error instanceof MainError) throw error;
      const reason = (error as { code?: string }).code ?? 'unknown';
      throw new MainError(
        'FILE_NOT_SAVED',
        `The file could not be saved to ${filePath} (${reason}). Choose another folder and try again.`,
      );
    }
  }

  return {
    async cancelOpen() {
      const stopping = [...openings];
      for (const opening of stopping) opening.cancelled = true;
      await Promise.all(stopping.map(({ draftId }) => worker.cancelLoad({ draftId })));
      return { cancelled: stopping.length };
    },
    onOpenProgress(listener) {
      return worker.onProgress(({ draftId, rowsRead, bytesRead, totalBytes }) => {
        for (const opening of openings) {
          if (opening.draftId === draftId) listener({ rowsRead, bytesRead, totalBytes });
        }
      });
    },
    async openByDialog(organizationId) {
      if (!dialogs.showOpenDialog) {
        throw new MainError('NOT_AVAILABLE', 'The Open dialog is not available here.');
      }
      const choice = await dialogs.showOpenDialog({
        title: 'Open a CSV file',
        properties: ['openFile'],
        filters: [
          { name: 'CSV files', extensions: ['csv', 'txt', 'tsv'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      const picked = choice.filePaths[0];
      if (choice.canceled || !picked) return { outcome: 'cancelled' };
      return openPath(picked, organizationId);
    },
    openDropped: (filePath, organizationId) => openPath(filePath, organizationId),
    async openRecent(id, organizationId) {
      const filePath = recent.pathOf(id);
      if (!filePath) {
        throw new MainError('FILE_NOT_FOUND', 'This file is no longer in the recent files.');
      }
      try {
        return await openPath(filePath, organizationId);
      } catch (error) {
        if (!(error instanceof MainError) || error.code !== 'FILE_NOT_FOUND') throw error;
        // A file moved or deleted since: take it off the list, so the list only holds files.
        recent.forget(id);
        throw new MainError(
          'FILE_NOT_FOUND',
          `${path.basename(filePath)} is no longer in ${path.dirname(filePath)}: it was moved, renamed or deleted, so it was taken off the recent files. Open it from its new place.`,
        );
      }
    },
    rows: (draftId, filter, offset, limit) =>
      drafts.withDraft(draftId, async () => {
        const page = await worker.page({ draftId, filter, offset, limit });
        return { ...page, offset };
      }),
    edit: (draftId, row, column, value) =>
      drafts.withDraft(draftId, async (record) => {
        const outcome = await worker.edit({ draftId, row, column, value });
        if (!outcome) throw new MainError('ROW_NOT_FOUND', `Row ${row} is not in this draft.`);
        record.edits = record.edits.filter((e) => !(e.row === row && e.column === column));
        record.edits.push({ row, column, value });
        record.counts = outcome.counts;
        await persist(record);
        return outcome;
      }),
    deleteRow: (draftId, row) =>
      drafts.withDraft(draftId, async (record) => {
        const outcome = await worker.deleteRow({ draftId, row });
        if (!outcome) throw new MainError('ROW_NOT_FOUND', `Row ${row} is not in this draft.`);
        record.edits = record.edits.filter((e) => e.row !== row);
        record.deleted.push(row);
        record.counts = outcome.counts;
        await persist(record);
        return outcome;
      }),
    summary: (draftId) => drafts.withDraft(draftId, async (record) => summaryOf(record)),
    recheck: (draftId, organizationId) =>
      drafts.withDraft(draftId, async (record) => {
        if (organizationId !== undefined) record.organizationId = organizationId;
        const { context, cachedAt } = await contexts.contextFor(record.organizationId);
        record.counts = await worker.recheck({ draftId, context });
        record.metadataCachedAt = cachedAt;
        await persist(record);
        return summaryOf(record);
      }),
    saveAs: (draftId) =>
      saveThrough(draftId, 'Save the checked file as CSV', ' (checked)', (filePath) =>
        worker.writeCsv({ draftId, filePath }),
      ),
    exportProblems: (draftId) =>
      saveThrough(draftId, 'Export the problems', ' problems', (filePath) =>
        worker.writeProblems({ draftId, filePath }),
      ),
    async listDrafts() {
      const all = await store.list(new Date(now()));
      return all.map((record) => ({
        draftId: record.draftId,
        name: record.name,
        rows: record.counts.rows,
        problems: record.counts.invalid,
        updatedAt: record.updatedAt,
        upload: record.upload,
        expiresAt: expiresAt(record),
      }));
    },
    openDraft: (draftId) => drafts.withDraft(draftId, async (record) => summaryOf(record)),
    async deleteDraft(draftId) {
      await drafts.recordOf(draftId);
      await drafts.forget(draftId);
      await store.remove(draftId);
    },
    async setUpload(draftId, upload) {
      const record = await drafts.recordOf(draftId);
      record.upload = upload;
      await persist(record);
      return summaryOf(record);
    },
    recentFiles: () => recent.list(),
    clearRecentFiles: () => recent.clear(),
    onRecentFilesChange: (listener) => recent.onChange(listener),
    rowsForUpload: (draftId) =>
      drafts.withDraft(draftId, async (record) => ({
        fileName: record.name,
        rows: await worker.uploadRows({ draftId }),
      })),
    async dispose() {
      await worker.terminate();
    },
  };
}
