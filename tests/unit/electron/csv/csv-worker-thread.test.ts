// The engine reads and checks files in a worker thread, never on main's thread: here the check
// module of this (main) thread is replaced by one that throws, and a file still opens, because
// the worker thread loads its own copy.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCsvWorkerClient } from '../../../../electron/main/services/csv/csv-worker-client';
import { FIXTURES_DIR } from './csv-fixtures';

vi.mock('../../../../electron/main/services/csv/check-csv-file', () => ({
  checkCsvFile: () => {
    throw new Error('A file was checked on the main thread.');
  },
}));

describe('CSV worker thread', () => {
  it('reads, decodes and checks a file off the main thread', { timeout: 60_000 }, async () => {
    const worker = createCsvWorkerClient();
    try {
      const loaded = await worker.load({
        draftId: 'thread-draft',
        sourcePath: path.join(FIXTURES_DIR, 'libreoffice-utf16le-tab.txt'),
        context: {},
        edits: [],
        deleted: [],
      });
      expect(loaded).toMatchObject({
        ok: true,
        encoding: 'utf-16le',
        counts: { rows: 6, valid: 4, invalid: 2 },
      });
    } finally {
      await worker.terminate();
    }
  });
});
