// The small persistent key/value store the services write to. Main passes electron-store
// instances; Node (tests, the Playwright harness) passes `conf` instances — same API underneath.
import Conf from 'conf';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Creates one named store (a JSON file) in a folder. */
export type StoreFactory = (name: string) => KeyValueStore;

/** conf-backed stores in `directory`: usable without Electron. Keys are never split on dots. */
export function createConfStoreFactory(directory: string): StoreFactory {
  return (name) =>
    new Conf<Record<string, unknown>>({
      cwd: directory,
      configName: name,
      projectName: 'linedesk',
      accessPropertiesByDotNotation: false,
    });
}

/** An in-memory store, for code paths that must not persist anything. */
export function createMemoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: (key) => structuredClone(values.get(key)),
    set: (key, value) => void values.set(key, structuredClone(value)),
    delete: (key) => void values.delete(key),
  };
}
