// A file whose columns are the template's keeps its rows as the file's own lines and parses a row
// again when it is looked at; any other file packs its rows. Both must read back exactly what was
// checked: here the same records go through both ways and every view is compared.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordIntake } from '../../../../common/csv/record-intake';
import { checkCsvFile } from '../../../../electron/main/services/csv/check-csv-file';

const dir = mkdtempSync(path.join(tmpdir(), 'linedesk-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Quotes with the delimiter and escaped quotes inside, a quoted line break, spaced numbers,
 * upper-case emails, repeats of each kind, blank and short lines, a formula-looking name. */
const TEXT =
  'First Name;Last Name;Email or Device #;Number Of Lines Allowed;User Permissions;Number\r\n' +
  'Ann;Lee;ann@example.com;2;;\r\n' +
  '"Lee; Jr";"O""Brien";+1 212 555 0143;;;\r\n' +
  '"Multi\nLine";Ray;RAY@Example.com;1;;\r\n' +
  ';;;;;\r\n' +
  'Bob;Ray;ray@example.com;3;;+1 (212) 555-0199\r\n' +
  'Cy;Day;+12125550143;;;+12125550199\r\n' +
  'Di;Fox;not an address;9;;\r\n' +
  '=SUM(A1);Gale;gale@example.com;;;\r\n' +
  'Ed;Hay\r\n' +
  'Flo;Ives;flo@example.com;1;;';

function packedIntake(
  text: string,
  delimiter = ';',
  newline: '\r\n' | '\n' = '\r\n',
): RecordIntake {
  const intake = new RecordIntake();
  const records = Papa.parse<string[]>(text, { delimiter, newline }).data;
  for (const record of records) if (!intake.push(record)) break;
  intake.finish();
  return intake;
}

/** 60,000 rows, about 3 MB, quoted cells only in the middle, no line break after the last row. */
function megabytesOfRows(newline: string): string {
  let rows = '';
  for (let i = 0; i < 60_000; i += 1) {
    const first = i > 25_000 && i < 26_000 && i % 7 === 0 ? `"Ann, ${i}"` : `Ann${i}`;
    const contact =
      i % 9 === 0
        ? `+1 212 555 ${String(i % 10_000).padStart(4, '0')}`
        : `a${i % 50_000}@example.com`;
    rows += `${first},Lee,${contact},${(i % 3) + 1}${newline}`;
  }
  return rows.slice(0, -newline.length);
}

async function checked(name: string, text: string) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const result = await checkCsvFile(file);
  if (!result.ok) throw new Error('the file did not open');
  return result.rows;
}

describe('rows kept as lines of the file', () => {
  it('read back, repeat and edit exactly like packed rows', async () => {
    const lines = await checked('template.csv', TEXT);
    const packed = packedIntake(TEXT).rows;
    expect(lines.counts()).toEqual(packed.counts());
    expect(lines.counts()).toMatchObject({ rows: 9, invalid: 6 });
    expect([...lines.entries()]).toEqual([...packed.entries()]);
    expect(lines.row(4)?.values.firstName).toBe('Multi\nLine');
    expect(lines.row(3)?.values).toMatchObject({ firstName: 'Lee; Jr', lastName: 'O"Brien' });
    expect(lines.row(7)?.problems.map((p) => p.message)).toEqual([
      'Row 7, Email or Device #: +12125550143 is already on row 3.',
      'Row 7, Number: +12125550199 is already given to row 6.',
    ]);

    // An edit turns the first of a repeat into another contact: its repeats stand alone again.
    for (const rows of [lines, packed]) rows.edit(3, 'contact', 'lee@example.com');
    expect([...lines.entries()]).toEqual([...packed.entries()]);
    expect(lines.row(7)?.problems.map((p) => p.column)).toEqual(['number']);
    expect(lines.row(3)?.edited).toBe(true);
  });

  it('reads back rows of megabytes of text, quoted in some chunks and not in others', async () => {
    // About 3 MB: the reader parses a megabyte at a time, and lines cross from one chunk to the
    // next; only the middle of the file has quoted cells.
    const text =
      'First Name,Last Name,Email or Device #,Number Of Lines Allowed\n' + megabytesOfRows('\n');
    const lines = await checked('chunks.csv', text);
    const packed = packedIntake(text, ',', '\n').rows;
    expect(lines.counts()).toEqual(packed.counts());
    expect(lines.counts().rows).toBe(60_000);
    expect([...lines.entries()]).toEqual([...packed.entries()]);
  });

  it("reads back CRLF lines of megabytes of text, one split across the first megabyte's end", async () => {
    // The reader parses a megabyte at a time: here the \r of a line ends the first megabyte and
    // its \n starts the second.
    const newline = '\r\n';
    const header = `First Name,Last Name,Email or Device #,Number Of Lines Allowed${newline}`;
    const body = megabytesOfRows(newline);
    // A first row as long as it takes for a line's last character to end the first megabyte.
    const MB = 1024 * 1024;
    const padRow = (length: number) => `Pad${'x'.repeat(length)},Lee,pad@example.com${newline}`;
    const lastEnd = body.lastIndexOf(newline, MB - 1 - header.length - padRow(0).length);
    const text = header + padRow(MB - 1 - header.length - padRow(0).length - lastEnd) + body;
    expect(text.charAt(MB - 1)).toBe(newline.charAt(0));
    const lines = await checked('crlf.csv', text);
    const packed = packedIntake(text, ',', newline).rows;
    expect(lines.counts()).toEqual(packed.counts());
    expect(lines.counts().rows).toBe(60_001);
    expect([...lines.entries()]).toEqual([...packed.entries()]);
  });

  it('reads accented names exactly, whether the chunks around them are plain ASCII or not', async () => {
    // Chunks of ASCII only are copied as they are, the others decoded: here a character straddles
    // the first megabyte's end, ASCII-only megabytes follow, then accented ones, then ASCII again.
    const MB = 1024 * 1024;
    let text = '';
    let size = 0;
    const add = (line: string) => {
      text += line;
      size += Buffer.byteLength(line);
    };
    add('First Name,Last Name,Email or Device #\n');
    let i = 0;
    const fill = (limit: number, accented: boolean) => {
      for (; size < limit; i += 1) {
        add(`${accented ? 'Zoé' : 'Ann'}${i},Lee${accented ? 'ß' : ''},a${i}@example.com\n`);
      }
    };
    fill(MB - 60, false);
    const padRow = ',Pad,pad@example.com\n';
    add(`${'x'.repeat(MB - 3 - size - padRow.length)}${padRow}`);
    add('Zoé,Lee,zoe@example.com\n');
    expect(
      Buffer.from(text)
        .subarray(MB - 1, MB + 1)
        .toString(),
    ).toBe('é');
    fill(3 * MB, false);
    fill(4 * MB, true);
    fill(5 * MB, false);
    const expected = [...packedIntake(text, ',', '\n').rows.entries()];
    const encodings = {
      'utf-8': Buffer.from(text),
      'utf-8-bom': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'windows-1252': Buffer.from(text, 'latin1'),
    };
    for (const [encoding, content] of Object.entries(encodings)) {
      const file = path.join(dir, `accents-${encoding}.csv`);
      writeFileSync(file, content);
      const result = await checkCsvFile(file);
      if (!result.ok) throw new Error(`the ${encoding} file did not open`);
      expect(result.encoding).toBe(encoding);
      expect([...result.rows.entries()], encoding).toEqual(expected);
    }
  });

  it('packs the rows of a file with columns of its own, and reads them back the same', async () => {
    const wide = TEXT.replace('Number\r\n', 'Number;Department\r\n');
    const rows = await checked('wide.csv', wide);
    expect([...rows.entries()]).toEqual([...packedIntake(wide).rows.entries()]);
  });
});
