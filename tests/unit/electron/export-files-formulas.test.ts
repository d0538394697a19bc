// Security rule "CSV out" on the app side: whatever CSV the renderer hands to main for saving,
// the file on disk has every formula-looking cell neutralised by the one rule.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { createExportFiles, formulaSafeCsv } from '../../../electron/main/services/export-files';

describe('saving a CSV from the app', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('neutralises blanks-first, tab-first and full-width formulas in the saved file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'linedesk-save-'));
    folders.push(folder);
    const target = path.join(folder, 'out.csv');
    const files = createExportFiles({
      defaultDirectory: folder,
      dialog: { showSaveDialog: async () => ({ canceled: false, filePath: target }) },
    });
    const content =
      'First name,Last name\r\n =1+1,"＝HYPERLINK(""http://x"",""y"")"\r\n"\t@x",\'=safe\r\nAnn,Lee\r\n';
    const saved = await files.saveCsv({ suggestedName: 'export', content });
    expect(saved).toEqual({ saved: true, filePath: target });
    const written = readFileSync(target, 'utf8');
    expect(written.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(written.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['First name', 'Last name'],
      ["' =1+1", '\'＝HYPERLINK("http://x","y")'],
      ["'\t@x", "'=safe"],
      ['Ann', 'Lee'],
    ]);
  });

  it('leaves an already safe CSV as it was', () => {
    const safe = 'a,b\r\n\'=1,"x,y"\r\n';
    expect(formulaSafeCsv(safe)).toBe(safe);
    expect(formulaSafeCsv(`\uFEFF${safe}`)).toBe(safe);
  });
});
