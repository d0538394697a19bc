// The CSV engine through the IPC router and the real main services (worker thread, drafts on disk),
// as the Playwright harness uses them: the fixture corpus, paging, edits, saving, drafts, recent files.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../../../common/ipc/contract';
import { createIpcRouter, type IpcRouter } from '../../../../electron/main/ipc/router';
import {
  createMainServices,
  type MainServices,
} from '../../../../electron/main/services/create-main-services';
import { createSafeStorageDouble } from '../support/safe-storage-double';
import { makeTempDir } from '../support/temp-dir';
import { FIXTURES_DIR, FIXTURE_OUTCOMES, SAMPLE_UPLOAD } from './csv-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads values of any channel
type Loose = any;

const LABELS: Record<string, string> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  contact: 'Email or Device #',
  linesAllowed: 'Number Of Lines Allowed',
  permissionProfile: 'User Permissions',
  number: 'Number',
};

describe('CSV engine over IPC', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let services: MainServices;
  let router: IpcRouter;
  let nextOpen: string | null;
  let savePath: string;

  const build = () => {
    services = createMainServices({
      dataDir,
      safeStorage: createSafeStorageDouble({ key: randomBytes(32) }),
      dialogs: {
        showSaveDialog: async () => ({ canceled: false, filePath: savePath }),
        showOpenDialog: async () =>
          nextOpen ? { canceled: false, filePaths: [nextOpen] } : { canceled: true, filePaths: [] },
      },
      shell: { openExternal: async () => undefined },
      downloadsDir: temp.dir,
      platform: 'linux',
    });
    router = createIpcRouter(services);
  };

  beforeEach(async () => {
    temp = await makeTempDir();
    dataDir = path.join(temp.dir, 'data');
    await mkdir(dataDir);
    nextOpen = null;
    savePath = path.join(temp.dir, 'saved.csv');
    build();
  });
  afterEach(async () => {
    await services.dispose();
    await temp.remove();
  });

  const call = async (channel: string, args?: unknown): Promise<Loose> => {
    const envelope = structuredClone(
      await router.invoke(channel, structuredClone(args)),
    ) as IpcEnvelope<Loose>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
    return envelope.value;
  };
  const refusal = async (channel: string, args?: unknown) =>
    (await router.invoke(channel, structuredClone(args))) as Loose;
  const drop = (file: string) =>
    call('csv:openDropped', { path: path.join(FIXTURES_DIR, file), organizationId: null });
  const allRows = async (draftId: string, filter = 'all') => {
    const rows: Loose[] = [];
    for (let offset = 0; ; offset += 2) {
      const page = await call('csv:rows', { draftId, offset, limit: 2, filter });
      rows.push(...page.rows);
      if (offset + 2 >= page.total) return rows;
    }
  };

  it.each(FIXTURE_OUTCOMES)('$file', async (expected) => {
    const opened = await drop(expected.file);
    if (expected.fileError) {
      expect(opened).toMatchObject({
        outcome: 'fileError',
        name: expected.file,
        fileError: { code: expected.fileError },
      });
      expect((await call('drafts:list')).length).toBe(0);
      return;
    }
    expect(opened.outcome).toBe('opened');
    const draft = opened.draft;
    if (expected.encoding) expect(draft.encoding).toBe(expected.encoding);
    if (expected.delimiter) expect(draft.delimiter).toBe(expected.delimiter);
    expect(draft.counts).toMatchObject(expected.summary!);
    const rows = await allRows(draft.draftId);
    expect(rows).toHaveLength(expected.summary!.rows);
    const problems = rows.flatMap((row: Loose) =>
      row.problems.map((p: Loose) => `${row.row}:${LABELS[p.column]}`),
    );
    expect(problems).toEqual(expected.problems);
    const problemRows = await allRows(draft.draftId, 'problems');
    expect(problemRows.map((r: Loose) => r.row)).toEqual([
      ...new Set(problems.map((p: string) => Number(p.split(':')[0]))),
    ]);
    if (expected.sample) {
      const row = rows.find((r: Loose) => r.row === expected.sample!.row);
      expect({ ...row.values, contact: row.normalisedContact }).toEqual(expected.sample.values);
    }
  });

  it('opens by dialog, or answers cancelled', async () => {
    expect(await call('csv:open')).toEqual({ outcome: 'cancelled' });
    nextOpen = path.join(FIXTURES_DIR, 'duplicates.csv');
    const opened = await call('csv:open', { organizationId: 'org-1' });
    expect(opened.draft).toMatchObject({ name: 'duplicates.csv', organizationId: 'org-1' });
  });

  it('accepts a dropped path only for a regular CSV-like file', async () => {
    const folder = path.join(temp.dir, 'folder.csv');
    await mkdir(folder);
    const program = path.join(temp.dir, 'tool.exe');
    await writeFile(program, 'MZ');
    for (const bad of ['', 'relative.csv', program, folder, path.join(temp.dir, 'absent.csv')]) {
      const answer = await refusal('csv:openDropped', { path: bad });
      expect(answer.ok).toBe(false);
      expect(answer.error.code).toMatch(/^FILE_(REFUSED|NOT_FOUND)$/);
    }
  });

  it('edits a cell: the row is re-checked and the rows it repeated are answered too', async () => {
    const { draft } = await drop('duplicates.csv');
    const edited = await call('csv:edit', {
      draftId: draft.draftId,
      row: 2,
      column: 'contact',
      value: ' other@example.com ',
    });
    expect(edited.row).toMatchObject({ row: 2, edited: true, problems: [] });
    expect(edited.row.values.contact).toBe('other@example.com');
    const row3 = edited.affected.find((r: Loose) => r.row === 3);
    expect(row3.problems).toEqual([]);
    expect(edited.counts).toMatchObject({ rows: 5, valid: 3, invalid: 2 });

    const removed = await call('csv:deleteRow', { draftId: draft.draftId, row: 4 });
    expect(removed.affected.map((r: Loose) => [r.row, r.problems])).toEqual([[5, []]]);
    expect(removed.counts).toMatchObject({ rows: 4, valid: 3, invalid: 1 });
    const page = await call('csv:rows', { draftId: draft.draftId, offset: 0, limit: 10 });
    expect(page.rows.map((r: Loose) => r.row)).toEqual([2, 3, 5, 6]);
    expect(
      (await refusal('csv:edit', { draftId: draft.draftId, row: 4, column: 'contact', value: 'x' }))
        .error.code,
    ).toBe('ROW_NOT_FOUND');
  });

  it('saves as CSV in template order, formula-safe, and exports the problems', async () => {
    const { draft } = await drop('formulas.csv');
    const saved = await call('csv:saveAs', { draftId: draft.draftId });
    expect(saved).toEqual({ saved: true, fileName: 'saved.csv', rows: 6 });
    const text = await readFile(savePath, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number',
    );
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",Lee,a1@example.com,,,`);
    expect(lines[2]).toBe("'+cmd,Ray,a2@example.com,,,");
    expect(lines[5]).toBe("'＝1+1,Full,a5@example.com,,,");

    savePath = path.join(temp.dir, 'problems.csv');
    expect(await call('csv:exportProblems', { draftId: draft.draftId })).toMatchObject({
      saved: true,
      rows: 5,
    });
    const problems = (await readFile(savePath, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(problems[0]).toBe('Row,Column,Problem');
    expect(problems[1]).toMatch(/^2,First Name,"Row 2, First Name: ""=HYPERLINK/);
  });

  it('keeps drafts under the data folder (0700, files 0600) and lists them', async () => {
    const { draft } = await drop('duplicates.csv');
    const folder = path.join(dataDir, 'drafts');
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(folder)) {
      expect((await stat(path.join(folder, name))).mode & 0o777).toBe(0o600);
    }
    const list = await call('drafts:list');
    expect(list).toEqual([
      expect.objectContaining({
        draftId: draft.draftId,
        name: 'duplicates.csv',
        rows: 5,
        problems: 3,
        expiresAt: null,
      }),
    ]);
    await call('drafts:delete', { draftId: draft.draftId });
    expect(await call('drafts:list')).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
    expect(
      (await refusal('csv:rows', { draftId: draft.draftId, offset: 0, limit: 1 })).error.code,
    ).toBe('DRAFT_NOT_FOUND');
  });

  it('reopens a draft with its edits and upload state after a restart', async () => {
    const { draft } = await drop('duplicates.csv');
    await call('csv:edit', {
      draftId: draft.draftId,
      row: 3,
      column: 'contact',
      value: 'new@example.com',
    });
    await call('csv:deleteRow', { draftId: draft.draftId, row: 6 });
    const upload = SAMPLE_UPLOAD;
    await call('drafts:setUpload', { draftId: draft.draftId, upload });
    await services.dispose();

    build();
    const [listed] = await call('drafts:list');
    expect(listed).toMatchObject({ draftId: draft.draftId, rows: 4, problems: 1, upload });
    const reopened = await call('drafts:open', { draftId: draft.draftId });
    expect(reopened.counts).toMatchObject({ rows: 4, valid: 3, invalid: 1 });
    const rows = await allRows(draft.draftId);
    expect(rows.map((r: Loose) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[1]).toMatchObject({ edited: true, values: { contact: 'new@example.com' } });
    const upload2 = await services.csv.rowsForUpload(draft.draftId);
    expect(upload2.fileName).toBe('duplicates.csv');
    expect(upload2.rows[1]).toMatchObject({ rowNumber: 3, contact: 'new@example.com' });
  });

  it('lists recent files by opaque id and reopens them', async () => {
    await drop('aliases.csv');
    const [recent] = await call('recentFiles:list');
    expect(recent).toMatchObject({ name: 'aliases.csv', folder: FIXTURES_DIR });
    expect(JSON.stringify(recent.id)).not.toContain('/');
    const opened = await call('recentFiles:open', { id: recent.id });
    expect(opened.draft.name).toBe('aliases.csv');
    expect((await refusal('recentFiles:open', { id: 'nope' })).error.code).toBe('FILE_NOT_FOUND');
  });

  it('reports progress while opening, and Cancel leaves no draft and no file behind', async () => {
    const big = path.join(temp.dir, 'big.csv');
    const lines = ['First Name,Last Name,Email or Device #'];
    for (let i = 0; i < 400_000; i += 1) lines.push(`Ann${i},Lee,ann${i}@example.com`);
    await writeFile(big, lines.join('\r\n'));
    const seen: { rowsRead: number; bytesRead: number; totalBytes: number }[] = [];
    // Declared wide: it is assigned in the progress callback, which narrowing does not see.
    let cancelling = null as Promise<Loose> | null;
    services.csv.onOpenProgress((progress) => {
      seen.push(progress);
      cancelling ??= call('csv:cancelOpen');
    });
    const opened = await call('csv:openDropped', { path: big, organizationId: null });
    expect(opened).toEqual({ outcome: 'cancelled' });
    expect(await cancelling).toEqual({ cancelled: 1 });
    expect(seen[0]!.totalBytes).toBe((await stat(big)).size);
    expect(seen[0]!.bytesRead).toBeGreaterThan(0);
    expect(await call('drafts:list')).toEqual([]);
    const left = await readdir(path.join(dataDir, 'drafts'), { recursive: true }).catch(() => []);
    expect(left).toEqual([]);
    // Nothing under way: Cancel stops nothing, and the next open works.
    expect(await call('csv:cancelOpen')).toEqual({ cancelled: 0 });
    expect((await drop('aliases.csv')).outcome).toBe('opened');
  });
});
