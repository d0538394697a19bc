// The drafts the CSV worker holds for main: a draft's record (kept in memory once read from its
// file), its rows loaded into the worker on first use with the organization data of the moment,
// the least recently used dropped past a few, and loaded again if the worker restarted.
import { MainError } from '../main-error';
import type { ChecksContextSource } from './csv-service';
import { CsvWorkerError, type CsvWorkerClient } from './csv-worker-client';
import type { DraftRecord, DraftStore } from './draft-store';

/** Drafts whose rows the worker keeps in memory at once (others are reloaded from disk). */
const LOADED_DRAFTS = 3;

export const draftNotFound = () =>
  new MainError('DRAFT_NOT_FOUND', 'This draft no longer exists. Open the file again.');

export interface LoadedDrafts {
  /** The draft's record, read from its file the first time. */
  recordOf(draftId: string): Promise<DraftRecord>;
  /** A draft the worker has just loaded (a file opened): kept as the most recently used. */
  remember(record: DraftRecord): void;
  /** Runs `work` on a draft the worker holds, loading it (again) from disk when needed. */
  withDraft<T>(draftId: string, work: (record: DraftRecord) => Promise<T>): Promise<T>;
  /** Forgets a draft and lets the worker drop its rows. */
  forget(draftId: string): Promise<void>;
}

export function createLoadedDrafts(options: {
  store: DraftStore;
  worker: CsvWorkerClient;
  contexts: ChecksContextSource;
}): LoadedDrafts {
  const { store, worker, contexts } = options;
  const records = new Map<string, DraftRecord>();
  /** Drafts the worker holds, least recently used first. */
  const loaded = new Set<string>();

  async function recordOf(draftId: string): Promise<DraftRecord> {
    const known = records.get(draftId) ?? (await store.read(draftId));
    if (!known) throw draftNotFound();
    records.set(draftId, known);
    return known;
  }

  function touch(draftId: string): void {
    loaded.delete(draftId);
    loaded.add(draftId);
    for (const old of loaded) {
      if (loaded.size <= LOADED_DRAFTS) break;
      loaded.delete(old);
      records.delete(old);
      void worker.close({ draftId: old }).catch(() => undefined);
    }
  }

  async function load(record: DraftRecord): Promise<void> {
    const { context, cachedAt } = await contexts.contextFor(record.organizationId);
    const result = await worker.load({
      draftId: record.draftId,
      sourcePath: store.sourcePath(record.draftId),
      context,
      edits: record.edits,
      deleted: record.deleted,
    });
    if (!result.ok) {
      const message =
        'cancelled' in result ? 'Reading the draft was stopped.' : result.error.message;
      throw new MainError('DRAFT_UNREADABLE', message);
    }
    record.counts = result.counts;
    record.metadataCachedAt = cachedAt;
    touch(record.draftId);
  }

  return {
    recordOf,
    remember(record) {
      records.set(record.draftId, record);
      touch(record.draftId);
    },
    async withDraft(draftId, work) {
      const record = await recordOf(draftId);
      if (!loaded.has(draftId)) await load(record);
      else touch(draftId);
      try {
        return await work(record);
      } catch (error) {
        // The worker restarted or dropped the draft: load it from disk and try once more.
        if (!(error instanceof CsvWorkerError)) throw error;
        if (error.code === 'ENOENT') throw draftNotFound();
        loaded.delete(draftId);
        await load(record);
        return work(record);
      }
    },
    async forget(draftId) {
      records.delete(draftId);
      if (loaded.delete(draftId)) await worker.close({ draftId }).catch(() => undefined);
    },
  };
}
