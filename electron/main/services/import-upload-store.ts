// Where an import upload lives on disk, under the app's data folder: its record (settings,
// Idempotency-Key, job id, answered chunks), the frozen rows it sends and each chunk's answer.
// Folders 0700, files 0600, every write atomic (temp file + rename) so a crash leaves the last copy.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportJob, ImportRowInput, ImportRowResult } from '../../../common/api/imports';
import type { DraftUpload } from '../../../common/ipc/csv-contract';
import type { UploadCounts, UploadPhase, UploadSettings } from '../../../common/ipc/import-upload';

/** What is kept of one upload between runs of the app. */
export interface UploadRecord {
  uploadId: string;
  draftId: string;
  profileId: string;
  fileName: string;
  settings: UploadSettings;
  /** Sent with POST /imports: a repeated open after a crash replays the same job. */
  idempotencyKey: string;
  chunkSize: number;
  rowCount: number;
  chunkCount: number;
  jobId: string | null;
  /** Indexes of the chunks the service answered; they are never sent again. */
  answered: number[];
  counts: UploadCounts;
  /** The phase last written; a running phase read at start means the app closed mid-way. */
  phase: UploadPhase;
  problem: { code: string; message: string } | null;
  job: ImportJob | null;
  startedAt: string;
  updatedAt: string;
}

export interface UploadStore {
  create(record: Omit<UploadRecord, 'uploadId'>, rows: ImportRowInput[]): UploadRecord;
  save(record: UploadRecord): void;
  list(): UploadRecord[];
  find(uploadId: string): UploadRecord | undefined;
  rows(uploadId: string): ImportRowInput[];
  saveChunkResults(uploadId: string, index: number, results: ImportRowResult[]): void;
  chunkResults(uploadId: string, index: number): ImportRowResult[] | undefined;
  remove(uploadId: string): void;
  /** A path for a file of this upload (e.g. its failed rows); the name is made safe. */
  filePath(uploadId: string, name: string): string;
}

/** What the draft keeps of its upload. */
export function draftUploadOf(record: UploadRecord): DraftUpload {
  return {
    idempotencyKey: record.idempotencyKey,
    jobId: record.jobId,
    organizationId: record.settings.organizationId,
    applications: record.settings.applications,
    permissionProfileId: record.settings.permissionProfileId,
    invite: record.settings.invite,
    chunkRows: record.chunkSize,
    chunksAnswered: record.answered,
    completedAt: record.phase === 'completed' ? record.updatedAt : null,
  };
}

function writeAtomic(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(temp, JSON.stringify(value), { mode: 0o600 });
  renameSync(temp, file);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

const safeId = /^[A-Za-z0-9-]{1,100}$/;

/** Uploads kept in `<dataDir>/uploads/<uploadId>/`. */
export function createUploadStore(dataDir: string): UploadStore {
  const root = path.join(dataDir, 'uploads');
  const folder = (uploadId: string): string => {
    if (!safeId.test(uploadId)) throw new Error('Not an upload id.');
    return path.join(root, uploadId);
  };
  const chunkFile = (uploadId: string, index: number) =>
    path.join(folder(uploadId), `chunk-${String(index).padStart(6, '0')}.json`);

  const save = (record: UploadRecord): void =>
    writeAtomic(path.join(folder(record.uploadId), 'state.json'), record);

  function find(uploadId: string): UploadRecord | undefined {
    if (!safeId.test(uploadId)) return undefined;
    return readJson<UploadRecord>(path.join(folder(uploadId), 'state.json'));
  }

  return {
    create(fields, rows) {
      const record: UploadRecord = { uploadId: randomUUID(), ...fields };
      mkdirSync(root, { recursive: true, mode: 0o700 });
      mkdirSync(folder(record.uploadId), { mode: 0o700 });
      // Rows first: a record without its rows is never left behind.
      writeAtomic(path.join(folder(record.uploadId), 'rows.json'), rows);
      save(record);
      return record;
    },
    save,
    list() {
      let names: string[];
      try {
        names = readdirSync(root);
      } catch {
        return [];
      }
      return names
        .map(find)
        .filter((record): record is UploadRecord => record !== undefined)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
    find,
    rows(uploadId) {
      return readJson<ImportRowInput[]>(path.join(folder(uploadId), 'rows.json')) ?? [];
    },
    saveChunkResults(uploadId, index, results) {
      writeAtomic(chunkFile(uploadId, index), results);
    },
    chunkResults(uploadId, index) {
      return readJson<ImportRowResult[]>(chunkFile(uploadId, index));
    },
    filePath(uploadId, name) {
      const safe = [...name].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c));
      return path.join(folder(uploadId), safe.join(''));
    },
    remove(uploadId) {
      rmSync(folder(uploadId), { recursive: true, force: true });
    },
  };
}
