// The files the admin opened lately, addressed by the renderer through opaque ids only: the paths
// stay in main's store and are checked again whenever one is reopened.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RecentFile } from '../../../../common/ipc/csv-contract';
import type { KeyValueStore } from '../key-value-store';

const KEY = 'recentFiles';
const KEEP = 10;

type Entry = { id: string; path: string; openedAt: string };

/** The store is the admin's disk: an entry is used only when every field has its type. */
function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const { id, path: filePath, openedAt } = value as Partial<Record<keyof Entry, unknown>>;
  return typeof id === 'string' && typeof filePath === 'string' && typeof openedAt === 'string';
}

export interface RecentFiles {
  list(): RecentFile[];
  /** The path behind an id, or undefined. */
  pathOf(id: string): string | undefined;
  remember(filePath: string, now?: Date): void;
  /** Takes one file off the list (it was moved or deleted). */
  forget(id: string): void;
  clear(): void;
  /** Called after every change of the list (the File menu rebuilds its Open Recent entries). */
  onChange(listener: () => void): () => void;
}

export function createRecentFiles(store: KeyValueStore): RecentFiles {
  const listeners = new Set<() => void>();
  const entries = (): Entry[] => {
    const value = store.get(KEY);
    return Array.isArray(value) ? (value as unknown[]).filter(isEntry) : [];
  };
  const save = (next: Entry[]) => {
    store.set(KEY, next);
    for (const listener of listeners) listener();
  };
  return {
    list: () =>
      entries().map((entry) => ({
        id: entry.id,
        name: path.basename(entry.path),
        folder: path.dirname(entry.path),
        openedAt: entry.openedAt,
      })),
    pathOf: (id) => entries().find((entry) => entry.id === id)?.path,
    remember(filePath, now = new Date()) {
      const others = entries().filter((entry) => entry.path !== filePath);
      const entry = {
        id: randomBytes(9).toString('base64url'),
        path: filePath,
        openedAt: now.toISOString(),
      };
      save([entry, ...others].slice(0, KEEP));
    },
    forget(id) {
      const all = entries();
      const kept = all.filter((entry) => entry.id !== id);
      if (kept.length !== all.length) save(kept);
    },
    clear: () => save([]),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
