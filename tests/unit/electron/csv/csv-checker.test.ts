// The headless checker over the fixture corpus: the JSON shape of csv-checker.md, spreadsheet row
// numbers, template column names, file error codes, exit codes, and the human summary line.
import { spawn, spawnSync } from 'node:child_process';
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCsvChecker } from '../../../../electron/main/services/csv/csv-checker';
import { makeTempDir } from '../support/temp-dir';
import { FIXTURES_DIR, FIXTURE_OUTCOMES } from './csv-fixtures';

async function check(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCsvChecker(args, {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
  });
  return { code, out, err };
}

const HEADER =
  'First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number';

describe('npm run csv -- check', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => (temp = await makeTempDir()));
  afterEach(async () => temp.remove());

  it.each(FIXTURE_OUTCOMES)('$file', async (expected) => {
    const { code, out } = await check(['check', path.join(FIXTURES_DIR, expected.file), '--json']);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['fileError', 'encoding', 'delimiter', 'summary', 'rows', 'notices']),
    );
    if (expected.fileError) {
      expect(result.fileError.code).toBe(expected.fileError);
      expect(result.fileError.message.length).toBeGreaterThan(20);
      if (expected.fileError === 'MISSING_COLUMNS') {
        expect(result.fileError.message).toContain('"Last Name"');
      }
      expect(code).toBe(2);
      return;
    }
    expect(result.fileError).toBeNull();
    if (expected.encoding) expect(result.encoding).toBe(expected.encoding);
    if (expected.delimiter) expect(result.delimiter).toBe(expected.delimiter);
    expect(result.summary).toEqual(expected.summary);
    expect(result.rows).toHaveLength(expected.summary!.rows);
    const problems = result.rows.flatMap((row: { row: number; problems: { column: string }[] }) =>
      row.problems.map((p) => `${row.row}:${p.column}`),
    );
    expect(problems).toEqual(expected.problems);
    for (const [index, notice] of (expected.notices ?? []).entries()) {
      expect(result.notices[index].message).toContain(notice);
    }
    if (expected.sample) {
      const row = result.rows.find((r: { row: number }) => r.row === expected.sample!.row);
      expect(row.values).toEqual(expected.sample.values);
    }
    for (const row of result.rows) {
      expect(Object.keys(row).sort()).toEqual(['problems', 'row', 'values', 'warnings']);
    }
    expect(code).toBe(expected.summary!.invalid > 0 ? 1 : 0);
  });

  it('prints the first problems and one summary line for people', async () => {
    const { code, out } = await check(['check', path.join(FIXTURES_DIR, 'duplicates.csv')]);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('duplicates.csv: UTF-8, comma-separated');
    expect(lines).toContain('Row 3, Email or Device #: ann@example.com is already on row 2.');
    expect(lines.at(-1)).toBe('5 rows: 2 valid, 3 with problems');
  });

  it('shows at most 50 problems, then how many more', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `Ann${i},Lee,nobody${i},,,`);
    const file = path.join(temp.dir, 'many.csv');
    await writeFile(file, [HEADER, ...rows].join('\n'));
    const { out } = await check(['check', file]);
    const lines = out.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('Row '))).toHaveLength(50);
    expect(lines).toContain('and 1,150 more');
    expect(lines.at(-1)).toBe('1,200 rows: 0 valid, 1,200 with problems');
  });

  it('checks against META.json: profiles, pool numbers, existing contacts, max lines', async () => {
    const meta = path.join(temp.dir, 'meta.json');
    await writeFile(
      meta,
      JSON.stringify({
        permissionProfiles: ['Default User Permissions (Default)', 'Sales'],
        numbers: [
          { number: '+12025550180', state: 'available' },
          { number: '+12025550181', state: 'assigned' },
        ],
        existingContacts: ['Taken@Example.com'],
        maxLinesAllowed: 2,
      }),
    );
    const file = path.join(temp.dir, 'staff.csv');
    await writeFile(
      file,
      [
        HEADER,
        'Ann,Lee,ann@example.com,2,sales,+1 202 555 0180',
        'Bob,Ray,taken@example.com,3,Marketing,+12025550181',
        'Cy,Doe,cy@example.com,,,+12025550199',
      ].join('\r\n'),
    );
    const { code, out } = await check(['check', file, '--json', '--metadata', meta]);
    expect(code).toBe(1);
    const rows = JSON.parse(out).rows;
    expect(rows[0].problems).toEqual([]);
    expect(rows[0].values.number).toBe('+1 202 555 0180');
    expect(rows[1].problems.map((p: { message: string }) => p.message)).toEqual([
      'Row 3, Email or Device #: taken@example.com already has an account.',
      'Row 3, Number Of Lines Allowed: "3" must be a whole number from 1 to 2.',
      'Row 3, User Permissions: there is no permission profile named "Marketing" for this organization.',
      'Row 3, Number: +12025550181 is assigned; choose an Available or Reserved number.',
    ]);
    expect(rows[2].problems[0].message).toBe(
      "Row 4, Number: +12025550199 is not in this organization's pool.",
    );
  });

  // Reads a real 1,000,001-row file: slow on a busy machine, hence the long timeout.
  it(
    'refuses files over 200 MB and over 1,000,000 rows as a whole',
    { timeout: 180_000 },
    async () => {
      const large = path.join(temp.dir, 'large.csv');
      const handle = await open(large, 'w');
      await handle.truncate(200 * 1024 * 1024 + 1);
      await handle.close();
      const tooLarge = JSON.parse((await check(['check', large, '--json'])).out);
      expect(tooLarge.fileError.code).toBe('TOO_LARGE');

      const many = path.join(temp.dir, 'many.csv');
      const handleMany = await open(many, 'w');
      await handleMany.write('First Name,Last Name,Email\n');
      const block = 'a,b,c\n'.repeat(100_000);
      for (let i = 0; i < 10; i += 1) await handleMany.write(block);
      await handleMany.write('a,b,c\n');
      await handleMany.close();
      const { code, out } = await check(['check', many, '--json']);
      expect(JSON.parse(out).fileError.code).toBe('TOO_MANY_ROWS');
      expect(code).toBe(2);
    },
  );

  it('answers 2 with the usage for bad arguments, and runs as npm run csv', async () => {
    expect((await check(['lint', 'x.csv'])).code).toBe(2);
    expect((await check(['check'])).err).toMatch(/^Usage: npm run csv -- check FILE/);
    expect((await check(['check', path.join(temp.dir, 'absent.csv')])).code).toBe(2);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/csv.ts', 'check', path.join(FIXTURES_DIR, 'aliases.csv')],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2 rows: 2 valid, 0 with problems');
  });

  it('keeps its exit code when the reader closes the pipe early (| head)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Ann${i},Lee,nobody${i},,,`);
    const file = path.join(temp.dir, 'long.csv');
    await writeFile(file, [HEADER, ...rows].join('\n'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/csv.ts', 'check', file, '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -c 100`: read the first bytes, then close.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(status).toBe(1);
  });

  it('reads files of several chunks alike in every encoding (characters split between chunks)', async () => {
    const lines = ['First Name,Last Name,Email or Device #'];
    for (let i = 0; i < 60_000; i += 1) lines.push(`Zoë${i},Müller€${i},zoe${i}@example.com`);
    const text = `${lines.join('\r\n')}\r\n`;
    const encoded: [string, Buffer][] = [
      ['utf-8', Buffer.from(text, 'utf8')],
      ['windows-1252', iconv.encode(text, 'win1252')],
      ['utf-16le', iconv.encode(text, 'utf16le', { addBOM: true })],
      ['utf-16be', iconv.encode(text, 'utf16be', { addBOM: true })],
    ];
    for (const [encoding, bytes] of encoded) {
      expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
      const file = path.join(temp.dir, `${encoding}.csv`);
      await writeFile(file, bytes);
      const result = JSON.parse((await check(['check', file, '--json'])).out);
      expect(result.encoding).toBe(encoding);
      expect(result.summary).toEqual({ rows: 60_000, valid: 60_000, invalid: 0 });
      for (const index of [0, 17_003, 41_777, 59_999]) {
        expect(result.rows[index].values).toMatchObject({
          firstName: `Zoë${index}`,
          lastName: `Müller€${index}`,
        });
      }
    }
  });
});
