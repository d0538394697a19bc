// Drafts at rest: a copy of the source file and one JSON record (edits, counts, upload state) per
// draft, under the app's data folder (folder 0700, files 0600). Every write goes to a temp file
// that is synced and renamed over the old one, so a crash mid-save leaves the previous draft.
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CSV_DELIMITERS, CSV_ENCODINGS } from '../../../../common/csv/file-check';
import { TEMPLATE_COLUMN_KEYS } from '../../../../common/csv/template';
import {
  csvCountsSchema,
  csvNoticeSchema,
  draftUploadSchema,
} from '../../../../common/ipc/csv-contract';

/** A completed import's draft is deleted this long after completion. */
export const COMPLETED_DRAFT_DAYS = 30;

const draftRecordSchema = z.object({
  version: z.literal(1),
  draftId: z.string(),
  name: z.string(),
  encoding: z.enum(CSV_ENCODINGS),
  delimiter: z.enum(CSV_DELIMITERS),
  notices: z.array(csvNoticeSchema),
  counts: csvCountsSchema,
  organizationId: z.string().nullable(),
  metadataCachedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  upload: draftUploadSchema.nullable(),
  /** Changed cells, last value per cell. */
  edits: z.array(
    z.object({ row: z.number().int(), column: z.enum(TEMPLATE_COLUMN_KEYS), value: z.string() }),
  ),
  deleted: z.array(z.number().int()),
});
export type DraftRecord = z.infer<typeof draftRecordSchema>;

export interface DraftStore {
  readonly folder: string;
  newDraftId(): string;
  /** Where a draft's copy of its source file lives. */
  sourcePath(draftId: string): string;
  /** Copies the admin's file in (atomically); answers the copy's path. */
  importSource(draftId: string, filePath: string): Promise<string>;
  save(record: DraftRecord): Promise<void>;
  read(draftId: string): Promise<DraftRecord | null>;
  /** Every readable draft, newest change first; drafts of imports completed 30+ days ago are deleted. */
  list(now?: Date): Promise<DraftRecord[]>;
  remove(draftId: string): Promise<void>;
}

const DRAFT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Writes `content` to `filePath` through a synced temp file and a rename (mode 0600). */
export async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  const temp = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    await file.writeFile(content, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function createDraftStore(dataDir: string): DraftStore {
  const folder = path.join(dataDir, 'drafts');
  let ready: Promise<void> | null = null;
  let swept = false;
  // One write at a time per draft: the last save always lands last.
  const writing = new Map<string, Promise<void>>();

  const ensureFolder = () =>
    (ready ??= (async () => {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await chmod(folder, 0o700);
    })());
  const recordPath = (draftId: string) => {
    if (!DRAFT_ID.test(draftId)) throw new Error('Not a draft id.');
    return path.join(folder, `${draftId}.json`);
  };

  return {
    folder,
    newDraftId: () => randomBytes(12).toString('base64url'),
    sourcePath: (draftId) => {
      recordPath(draftId);
      return path.join(folder, `${draftId}.source`);
    },
    async importSource(draftId, filePath) {
      await ensureFolder();
      const target = this.sourcePath(draftId);
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await copyFile(filePath, temp);
      await chmod(temp, 0o600);
      await rename(temp, target);
      return target;
    },
    async save(record) {
      await ensureFolder();
      const target = recordPath(record.draftId);
      const previous = writing.get(record.draftId) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(() => writeFileAtomic(target, JSON.stringify(record)));
      writing.set(record.draftId, next);
      try {
        await next;
      } finally {
        if (writing.get(record.draftId) === next) writing.delete(record.draftId);
      }
    },
    async read(draftId) {
      try {
        const parsed = draftRecordSchema.safeParse(
          JSON.parse(await readFile(recordPath(draftId), 'utf8')),
        );
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async list(now = new Date()) {
      await ensureFolder();
      const names = await readdir(folder);
      const records: DraftRecord[] = [];
      for (const name of names) {
        if (name.endsWith('.tmp')) {
          // Left by a save or copy that never finished (the app stopped mid-write); swept once.
          if (!swept) await rm(path.join(folder, name), { force: true });
          continue;
        }
        if (!name.endsWith('.json')) continue;
        const record = await this.read(name.slice(0, -'.json'.length));
        if (!record) continue;
        if (expiresAt(record) !== null && Date.parse(expiresAt(record)!) <= now.getTime()) {
          await this.remove(record.draftId);
          continue;
        }
        records.push(record);
      }
      swept = true;
      return records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async remove(draftId) {
      await rm(recordPath(draftId), { force: true });
      await rm(this.sourcePath(draftId), { force: true });
    },
  };
}

/** When a draft is deleted: 30 days after its import completed; null while not completed. */
export function expiresAt(record: Pick<DraftRecord, 'upload'>): string | null {
  const completed = record.upload?.completedAt;
  if (!completed) return null;
  const at = Date.parse(completed);
  if (Number.isNaN(at)) return null;
  return new Date(at + COMPLETED_DRAFT_DAYS * 24 * 3600 * 1000).toISOString();
}
