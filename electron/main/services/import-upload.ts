// Uploads a draft to the service's import-job API from main, which holds the rows and the session:
// opens the job with an Idempotency-Key kept on disk, sends chunks no answered chunk is sent again,
// retries with backoff through lost connections, survives restarts, and completes (inviting).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { ImportJob, ImportRowInput, ImportRowResult } from '../../../common/api/imports';
import type {
  UploadStartArgs,
  UploadStatus,
  UploadSettings,
} from '../../../common/ipc/import-upload';
import { TEMPLATE_COLUMN_KEYS, TEMPLATE_HEADER_LABELS } from '../../../common/csv/template';
import { writeCsv } from '../../../common/csv/writer';
import { MainError, isMainError } from './main-error';
import type { ProfileStore } from './profiles';
import type { SessionService } from './session';
import { serviceRequest } from './service-http';
import type { UploadRecord, UploadStore } from './import-upload-store';

/** Where an upload's rows come from: the draft, frozen at start so every chunk stays the same. */
export interface UploadRowSource {
  rowsForUpload(draftId: string): Promise<{ fileName: string; rows: ImportRowInput[] }>;
}

export interface ImportUploadsOptions {
  store: UploadStore;
  rowSource: UploadRowSource;
  profiles: ProfileStore;
  session: Pick<SessionService, 'accessToken'>;
  fetch?: typeof fetch;
  /** Rows per chunk (the service takes 1,000 at most). Default 500. */
  chunkSize?: number;
  /** Waits before each retry of a failed call; when used up the upload pauses. */
  retryDelaysMs?: number[];
  /** Told after every change that is kept (the draft keeps the Idempotency-Key and chunks too). */
  onChange?: (record: UploadRecord) => void;
}

export interface ImportUploads {
  /** Starts uploading a draft, or answers the unfinished upload it already has. */
  start(args: UploadStartArgs): Promise<UploadStatus>;
  status(uploadId: string): UploadStatus;
  list(): UploadStatus[];
  /** Stops after the chunk in flight; the job stays open for Resume. */
  cancel(uploadId: string): Promise<UploadStatus>;
  /** Sends what is left and completes; also completes a job that needed numbers. */
  resume(uploadId: string): UploadStatus;
  /** Forgets a finished or abandoned upload here (the service keeps its job and history). */
  forget(uploadId: string): Promise<void>;
  /** The rows the service found invalid, each with its messages (for "Fix failed rows"). */
  failedRows(uploadId: string): { row: ImportRowInput; errors: string[] }[];
  /** Writes the invalid rows as a template CSV in the upload's folder; answers its path. */
  writeFailedRows(uploadId: string): string;
  /** True while any upload runs (the app asks before quitting). */
  running(): boolean;
  /** Resolves with the status once the current run of the upload ends. */
  settled(uploadId: string): Promise<UploadStatus>;
  /** Stops every run (quitting); each stays resumable. */
  dispose(): Promise<void>;
}

const RUNNING_PHASES = new Set(['sending', 'waiting', 'completing']);

/** Passing failures worth another try; anything else is the service's final word. */
const RETRYABLE = new Set([
  'SERVICE_UNREACHABLE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'CONFLICT',
  'IDEMPOTENCY_KEY_IN_USE',
  'UNEXPECTED_ANSWER',
]);
const SIGNED_OUT = new Set(['UNAUTHORIZED', 'SESSION_EXPIRED', 'INVALID_REFRESH_TOKEN']);

const INTERRUPTED = {
  code: 'INTERRUPTED',
  message:
    'The upload stopped when Linedesk closed. Resume it to send the rest; nothing is sent twice.',
};
const CANCELLED = {
  code: 'CANCELLED',
  message: 'Upload paused. The rows sent so far are kept; Resume sends the rest.',
};

class Stopped extends Error {}

interface Run {
  /** Why it was stopped (Cancel, or the app quitting); null while it runs. */
  stopped: { code: string; message: string } | null;
  wake: () => void;
  done: Promise<void>;
  startedMs: number;
  rowsThisRun: number;
}

export function createImportUploads(options: ImportUploadsOptions): ImportUploads {
  const { store, profiles, session } = options;
  const chunkSize = options.chunkSize ?? 500;
  const retryDelays = options.retryDelaysMs ?? [500, 1000, 2000, 4000, 8000];
  const records = new Map(store.list().map((record) => [record.uploadId, record]));
  const runs = new Map<string, Run>();

  function recordOf(uploadId: string): UploadRecord {
    const record = records.get(uploadId);
    if (!record) throw new MainError('UPLOAD_NOT_FOUND', 'This upload no longer exists.');
    return record;
  }

  function toStatus(record: UploadRecord): UploadStatus {
    const run = runs.get(record.uploadId);
    // A running phase on disk without a run here: the app closed while it was working.
    const interrupted = !run && RUNNING_PHASES.has(record.phase);
    return {
      uploadId: record.uploadId,
      draftId: record.draftId,
      profileId: record.profileId,
      fileName: record.fileName,
      settings: record.settings,
      jobId: record.jobId,
      phase: interrupted ? 'paused' : record.phase,
      running: run !== undefined,
      rowCount: record.rowCount,
      chunkCount: record.chunkCount,
      chunksAnswered: record.answered.length,
      counts: record.counts,
      problem: interrupted ? INTERRUPTED : record.problem,
      job: record.job,
      startedAt: record.startedAt,
      updatedAt: record.updatedAt,
      ...progress(record, run),
    };
  }

  function progress(record: UploadRecord, run: Run | undefined) {
    let rowsSent = 0;
    for (const index of record.answered) {
      rowsSent += Math.min(record.chunkSize, record.rowCount - index * record.chunkSize);
    }
    const seconds = run ? (Date.now() - run.startedMs) / 1000 : 0;
    const rowsPerSecond =
      run && run.rowsThisRun > 0 && seconds > 0 ? run.rowsThisRun / seconds : null;
    const secondsLeft =
      rowsPerSecond === null ? null : Math.ceil((record.rowCount - rowsSent) / rowsPerSecond);
    return { rowsSent, rowsPerSecond, secondsLeft };
  }

  function update(record: UploadRecord, patch: Partial<UploadRecord>): void {
    Object.assign(record, patch, { updatedAt: new Date().toISOString() });
    store.save(record);
    options.onChange?.(record);
  }

  async function call<T>(
    record: UploadRecord,
    run: Run,
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const serviceUrl = profiles.get(record.profileId).serviceUrl;
    let refused: string | undefined;
    for (let attempt = 0; ; attempt++) {
      let accessToken: string | undefined;
      try {
        accessToken = await session.accessToken(record.profileId, refused);
        return await serviceRequest<T>(serviceUrl, path, {
          method,
          body,
          headers,
          accessToken,
          fetch: options.fetch,
        });
      } catch (error) {
        if (!isMainError(error)) throw error;
        if (error.code === 'UNAUTHORIZED' && refused === undefined && accessToken) {
          // The access token ran out between the check and the call: rotate once, then again.
          refused = accessToken;
          attempt--;
          continue;
        }
        const delay = retryDelays[attempt];
        if (!RETRYABLE.has(error.code) || delay === undefined || run.stopped) throw error;
        const phase = record.phase === 'waiting' ? 'sending' : record.phase;
        update(record, { phase: 'waiting', problem: { code: error.code, message: error.message } });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          run.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (run.stopped) throw new Stopped();
        update(record, { phase, problem: null });
      }
    }
  }

  async function work(record: UploadRecord, run: Run): Promise<void> {
    const { settings } = record;
    if (!record.jobId) {
      const job = await call<ImportJob>(
        record,
        run,
        'POST',
        '/imports',
        { ...settings, fileName: record.fileName, rowCount: record.rowCount },
        { 'idempotency-key': record.idempotencyKey },
      );
      update(record, { jobId: job.id, job });
    }
    const rows = store.rows(record.uploadId);
    for (let index = 0; index < record.chunkCount; index++) {
      if (record.answered.includes(index)) continue;
      if (run.stopped) throw new Stopped();
      const chunk = rows.slice(index * record.chunkSize, (index + 1) * record.chunkSize);
      const answer = await call<{ results: ImportRowResult[] }>(
        record,
        run,
        'PUT',
        `/imports/${record.jobId}/chunks/${index}`,
        { rows: chunk },
      );
      store.saveChunkResults(record.uploadId, index, answer.results);
      const counts = { ...record.counts };
      for (const result of answer.results) counts[result.outcome] += 1;
      run.rowsThisRun += chunk.length;
      update(record, { answered: [...record.answered, index], counts });
    }
    if (run.stopped) throw new Stopped();
    update(record, { phase: 'completing' });
    const job = await call<ImportJob>(record, run, 'POST', `/imports/${record.jobId}/complete`, {});
    update(record, { phase: 'completed', problem: null, job });
  }

  function begin(record: UploadRecord): void {
    if (runs.has(record.uploadId)) return;
    const run: Run = {
      stopped: null,
      wake: () => undefined,
      done: Promise.resolve(),
      startedMs: Date.now(),
      rowsThisRun: 0,
    };
    runs.set(record.uploadId, run);
    update(record, { phase: 'sending', problem: null });
    run.done = work(record, run)
      .catch((error: unknown) => {
        if (error instanceof Stopped) {
          return update(record, { phase: 'paused', problem: run.stopped ?? CANCELLED });
        }
        if (!isMainError(error)) {
          console.error('Import upload failed', error);
          return update(record, {
            phase: 'paused',
            problem: {
              code: 'INTERNAL',
              message: 'Linedesk hit an unexpected problem. Resume to try again.',
            },
          });
        }
        const problem = { code: error.code, message: error.message };
        if (error.code === 'NOT_ENOUGH_NUMBERS')
          return update(record, { phase: 'needs_numbers', problem });
        const resumable = RETRYABLE.has(error.code) || SIGNED_OUT.has(error.code);
        update(record, { phase: resumable ? 'paused' : 'failed', problem });
      })
      .finally(() => runs.delete(record.uploadId));
  }

  async function start(args: UploadStartArgs): Promise<UploadStatus> {
    const unfinished = [...records.values()].find(
      (record) => record.draftId === args.draftId && record.phase !== 'completed',
    );
    if (unfinished) return toStatus(unfinished);
    profiles.get(args.profileId);
    const { fileName, rows } = await options.rowSource.rowsForUpload(args.draftId);
    const now = new Date().toISOString();
    const settings: UploadSettings = {
      ...args.settings,
      applications: [...args.settings.applications],
    };
    const record = store.create(
      {
        draftId: args.draftId,
        profileId: args.profileId,
        fileName,
        settings,
        idempotencyKey: randomUUID(),
        chunkSize,
        rowCount: rows.length,
        chunkCount: Math.ceil(rows.length / chunkSize),
        jobId: null,
        answered: [],
        counts: { created: 0, duplicate: 0, invalid: 0 },
        phase: 'paused',
        problem: null,
        job: null,
        startedAt: now,
        updatedAt: now,
      },
      rows,
    );
    records.set(record.uploadId, record);
    begin(record);
    return toStatus(record);
  }

  function failedRows(uploadId: string): { row: ImportRowInput; errors: string[] }[] {
    const record = recordOf(uploadId);
    const rows = store.rows(uploadId);
    const failed: { row: ImportRowInput; errors: string[] }[] = [];
    for (const index of [...record.answered].sort((a, b) => a - b)) {
      const results = store.chunkResults(uploadId, index) ?? [];
      const byNumber = new Map(results.map((result) => [result.rowNumber, result]));
      for (const row of rows.slice(index * record.chunkSize, (index + 1) * record.chunkSize)) {
        const result = byNumber.get(row.rowNumber);
        if (result?.outcome !== 'invalid') continue;
        failed.push({ row, errors: (result.errors ?? []).map((error) => error.message) });
      }
    }
    return failed;
  }

  async function stop(uploadId: string, why = CANCELLED): Promise<void> {
    const run = runs.get(uploadId);
    if (!run) return;
    run.stopped = why;
    run.wake();
    await run.done;
  }

  return {
    start,
    status: (uploadId) => toStatus(recordOf(uploadId)),
    list: () =>
      [...records.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map(toStatus),
    async cancel(uploadId) {
      recordOf(uploadId);
      await stop(uploadId);
      return toStatus(recordOf(uploadId));
    },
    resume(uploadId) {
      const record = recordOf(uploadId);
      if (record.phase !== 'completed') begin(record);
      return toStatus(record);
    },
    async forget(uploadId) {
      recordOf(uploadId);
      await stop(uploadId);
      records.delete(uploadId);
      store.remove(uploadId);
    },
    failedRows,
    writeFailedRows(uploadId) {
      const record = recordOf(uploadId);
      const cells = (row: ImportRowInput) => TEMPLATE_COLUMN_KEYS.map((key) => row[key] ?? '');
      const stem = record.fileName.replace(/\.[^.]*$/, '');
      const file = store.filePath(uploadId, `${stem} - failed rows.csv`);
      // Read back by the CSV engine, never by a spreadsheet: cells are kept exactly as sent.
      const content = writeCsv(
        [TEMPLATE_HEADER_LABELS, ...failedRows(uploadId).map(({ row }) => cells(row))],
        { neutraliseFormulas: false },
      );
      writeFileSync(file, content, { mode: 0o600 });
      return file;
    },
    running: () => runs.size > 0,
    async settled(uploadId) {
      await runs.get(uploadId)?.done;
      return toStatus(recordOf(uploadId));
    },
    async dispose() {
      await Promise.all([...runs.keys()].map((uploadId) => stop(uploadId, INTERRUPTED)));
    },
  };
}
