// What the CSV worker thread does for main: holds the checked rows of every open draft and answers
// pages, edits, re-checks and file writes. Plain async functions, so tests can run it in-process.
import { open, rename, rm } from 'node:fs/promises';
import type { CheckedRows } from '../../../../common/csv/checked-rows';
import { TEMPLATE_COLUMN_LABELS, TEMPLATE_HEADER_LABELS } from '../../../../common/csv/template';
import { csvLine } from '../../../../common/csv/writer';
import { checkCsvFile } from './check-csv-file';
import type { CsvWorkerOps, LoadProgress } from './csv-worker-protocol';

export type DraftEngine = {
  [Op in keyof CsvWorkerOps]: (
    args: CsvWorkerOps[Op]['args'],
  ) => Promise<CsvWorkerOps[Op]['result']>;
};

/** Thrown when main asks about a draft the worker does not hold (main then loads it). */
export class DraftNotLoaded extends Error {
  readonly code = 'DRAFT_NOT_LOADED';
}

const UTF8_BOM = '\uFEFF';

/** Writes lines to a temp file beside `filePath`, then renames it: a reader never sees half a file. */
async function writeLines(filePath: string, lines: Iterable<string>): Promise<void> {
  const temp = `${filePath}.${process.pid}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    let batch = UTF8_BOM;
    for (const line of lines) {
      batch += line;
      if (batch.length > 1 << 20) {
        await file.write(batch);
        batch = '';
      }
    }
    await file.write(batch);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, filePath);
}

export interface DraftEngineOptions {
  /** Told after every chunk of a file a load reads. */
  onProgress?: (progress: LoadProgress) => void;
}

export function createDraftEngine(options: DraftEngineOptions = {}): DraftEngine {
  const drafts = new Map<string, CheckedRows>();
  /** Loads under way, so main can cancel one. */
  const loading = new Map<string, AbortController>();
  const rowsOf = (draftId: string): CheckedRows => {
    const rows = drafts.get(draftId);
    if (!rows) throw new DraftNotLoaded(`The draft ${draftId} is not open.`);
    return rows;
  };

  return {
    async load({ draftId, sourcePath, context, edits, deleted }) {
      const controller = new AbortController();
      loading.set(draftId, controller);
      const { onProgress } = options;
      let checked;
      try {
        checked = await checkCsvFile(sourcePath, context, {
          signal: controller.signal,
          onProgress: onProgress && ((progress) => onProgress({ draftId, ...progress })),
        });
      } finally {
        if (loading.get(draftId) === controller) loading.delete(draftId);
      }
      if (!checked.ok)
        return 'cancelled' in checked ? checked : { ok: false, error: checked.error };
      for (const edit of edits) checked.rows.edit(edit.row, edit.column, edit.value);
      for (const row of deleted) checked.rows.delete(row);
      drafts.set(draftId, checked.rows);
      return {
        ok: true,
        encoding: checked.encoding,
        delimiter: checked.delimiter,
        notices: checked.notices,
        counts: checked.rows.counts(),
      };
    },
    async cancelLoad({ draftId }) {
      const controller = loading.get(draftId);
      controller?.abort();
      return controller !== undefined;
    },
    async page({ draftId, filter, offset, limit }) {
      const rows = rowsOf(draftId);
      return { ...rows.page(filter, offset, limit), counts: rows.counts() };
    },
    async edit({ draftId, row, column, value }) {
      const rows = rowsOf(draftId);
      const outcome = rows.edit(row, column, value);
      return outcome ? { ...outcome, counts: rows.counts() } : null;
    },
    async deleteRow({ draftId, row }) {
      const rows = rowsOf(draftId);
      const outcome = rows.delete(row);
      return outcome ? { row: null, affected: outcome.affected, counts: rows.counts() } : null;
    },
    async recheck({ draftId, context }) {
      const rows = rowsOf(draftId);
      rows.recheck(context);
      return rows.counts();
    },
    async counts({ draftId }) {
      return rowsOf(draftId).counts();
    },
    async writeCsv({ draftId, filePath }) {
      const rows = rowsOf(draftId);
      let written = 0;
      await writeLines(
        filePath,
        (function* () {
          yield csvLine(TEMPLATE_HEADER_LABELS);
          for (const row of rows.entries()) {
            written += 1;
            const v = row.values;
            yield csvLine([
              v.firstName,
              v.lastName,
              v.contact,
              v.linesAllowed,
              v.permissionProfile,
              v.number,
            ]);
          }
        })(),
      );
      return written;
    },
    async writeProblems({ draftId, filePath }) {
      const rows = rowsOf(draftId);
      let written = 0;
      await writeLines(
        filePath,
        (function* () {
          yield csvLine(['Row', 'Column', 'Problem']);
          for (const row of rows.entries()) {
            for (const problem of row.problems) {
              written += 1;
              yield csvLine([row.row, TEMPLATE_COLUMN_LABELS[problem.column], problem.message]);
            }
          }
        })(),
      );
      return written;
    },
    async close({ draftId }) {
      return drafts.delete(draftId);
    },
    async uploadRows({ draftId }) {
      const rows = [];
      for (const { row, values } of rowsOf(draftId).entries())
        rows.push({ rowNumber: row, ...values });
      return rows;
    },
  };
}
