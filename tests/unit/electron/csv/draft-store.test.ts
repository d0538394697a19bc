// Drafts at rest: a process killed in the middle of saving leaves the previous draft readable,
// unfinished temp files are swept, and drafts of imports completed 30 days ago are deleted.
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDraftStore,
  type DraftRecord,
} from '../../../../electron/main/services/csv/draft-store';
import { makeTempDir } from '../support/temp-dir';
import { SAMPLE_UPLOAD } from './csv-fixtures';

const record = (draftId: string, patch: Partial<DraftRecord> = {}): DraftRecord => ({
  version: 1,
  draftId,
  name: 'staff.csv',
  encoding: 'utf-8',
  delimiter: ',',
  notices: [],
  counts: { rows: 1, valid: 1, invalid: 0, duplicates: 0, warnings: 0, withoutNumber: 1 },
  organizationId: null,
  metadataCachedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  upload: null,
  edits: [{ row: 2, column: 'lastName', value: 'Before' }],
  deleted: [],
  ...patch,
});

describe('draft store', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => (temp = await makeTempDir()));
  afterEach(async () => temp.remove());

  it('a crash mid-save leaves the previous draft readable', { timeout: 120_000 }, async () => {
    const store = createDraftStore(temp.dir);
    const draftId = 'crash-draft-1';
    await store.save(record(draftId));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.resolve('tests/unit/electron/support/draft-save-child.ts'),
        temp.dir,
        draftId,
        JSON.stringify(record(draftId)),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed just after it starts its second save: the first finished, the second is mid-write.
    for await (const line of createInterface({ input: child.stdout })) {
      if (line === 'saving 2') {
        child.kill('SIGKILL');
        break;
      }
    }
    await exited;
    const after = await createDraftStore(temp.dir).read(draftId);
    expect(after).not.toBeNull();
    expect([1, 200_000]).toContain(after!.edits.length);
    // The unfinished temp file is swept when drafts are listed.
    const listed = await createDraftStore(temp.dir).list();
    expect(listed.map((r) => r.draftId)).toEqual([draftId]);
    expect(
      (await readdir(path.join(temp.dir, 'drafts'))).filter((n) => n.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('skips unreadable records and deletes drafts 30 days after their import completed', async () => {
    const store = createDraftStore(temp.dir);
    const upload = SAMPLE_UPLOAD;
    await store.save(
      record('old-draft-1', { upload: { ...upload, completedAt: '2026-10-01T00:00:00.000Z' } }),
    );
    await store.save(
      record('recent-draft', { upload: { ...upload, completedAt: '2026-11-20T00:00:00.000Z' } }),
    );
    await writeFile(path.join(store.folder, 'broken-draft.json'), '{"version":1,');
    const listed = await store.list(new Date('2026-11-30T12:00:00.000Z'));
    expect(listed.map((r) => r.draftId)).toEqual(['recent-draft']);
    expect(await store.read('old-draft-1')).toBeNull();
  });
});
