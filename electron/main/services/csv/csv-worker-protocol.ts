// Messages between main and the CSV worker thread: main asks, the worker (which holds every open
// draft's checked rows) answers. Values cross by structured clone (Maps and Sets included).
import type { ImportRowInput } from '../../../../common/api/imports';
import type { CheckedRowView, RowCounts, RowsFilter } from '../../../../common/csv/checked-rows';
import type { CsvDelimiter, CsvEncoding } from '../../../../common/csv/file-check';
import type { FileError, FileNotice } from '../../../../common/csv/record-intake';
import type { ImportRowRulesContext } from '../../../../common/csv/row-rules';
import type { TemplateColumnKey } from '../../../../common/csv/template';

/** A cell the admin changed; replayed on the source when a draft is reopened. */
export type DraftEdit = { row: number; column: TemplateColumnKey; value: string };

export type LoadedDraft =
  | {
      ok: true;
      encoding: CsvEncoding;
      delimiter: CsvDelimiter;
      notices: FileNotice[];
      counts: RowCounts;
    }
  | { ok: false; error: FileError }
  /** Main cancelled the load (cancelLoad) before it ended. */
  | { ok: false; cancelled: true };

/** How far a load is, posted by the worker while it reads (not an answer to a request). */
export type LoadProgress = {
  draftId: string;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
};

export type CsvWorkerProgress = { progress: LoadProgress };

export type EditOutcome = {
  row: CheckedRowView | null;
  affected: CheckedRowView[];
  counts: RowCounts;
};

/** Every operation: its argument and its answer. */
export interface CsvWorkerOps {
  load: {
    args: {
      draftId: string;
      sourcePath: string;
      context: ImportRowRulesContext;
      edits: DraftEdit[];
      deleted: number[];
    };
    result: LoadedDraft;
  };
  /** Stops the load of this draft between two chunks (its answer is then `cancelled`). */
  cancelLoad: { args: { draftId: string }; result: boolean };
  page: {
    args: { draftId: string; filter: RowsFilter; offset: number; limit: number };
    result: { rows: CheckedRowView[]; total: number; counts: RowCounts };
  };
  edit: { args: { draftId: string } & DraftEdit; result: EditOutcome | null };
  deleteRow: { args: { draftId: string; row: number }; result: EditOutcome | null };
  recheck: { args: { draftId: string; context: ImportRowRulesContext }; result: RowCounts };
  counts: { args: { draftId: string }; result: RowCounts };
  /** Writes the rows as the template CSV (formula-safe); answers the rows written. */
  writeCsv: { args: { draftId: string; filePath: string }; result: number };
  /** Writes Row, Column, Problem for every problem; answers the problems written. */
  writeProblems: { args: { draftId: string; filePath: string }; result: number };
  close: { args: { draftId: string }; result: boolean };
  /** Every row that is not deleted, as the import chunks carry it (cells as text). */
  uploadRows: { args: { draftId: string }; result: ImportRowInput[] };
}

export type CsvWorkerOp = keyof CsvWorkerOps;

export type CsvWorkerRequest = { id: number; op: CsvWorkerOp; args: unknown };

export type CsvWorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string; message: string };
