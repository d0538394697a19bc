// RFC 4180 output with CRLF and quoting, and formula neutralising on every written cell.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  csvField,
  csvLine,
  looksLikeFormula,
  neutraliseFormulaCell,
  restoreNeutralisedCell,
  writeCsv,
} from '../../../../common/csv';

describe('formula neutralising', () => {
  it.each([
    '=1+2',
    '+12025550143',
    '-5',
    '@SUM(A1)',
    '\tx',
    '\rx',
    // Security rule: blanks first do not hide a formula, full-width signs count too.
    ' =not first',
    ' =1+1',
    '\u00a0 @x',
    '\n=1',
    '＝HYPERLINK("http://x","y")',
    '＋1',
    '－1',
    '＠x',
    '  ＝1',
  ])('neutralises %j', (cell) => {
    expect(looksLikeFormula(cell)).toBe(true);
    expect(neutraliseFormulaCell(cell)).toBe(`'${cell}`);
  });

  it.each(['Jane', '12025550143', '', '   ', "'quoted", 'a=b', ' x-1', 'O\u2019Brien'])(
    'keeps %j',
    (cell) => {
      expect(neutraliseFormulaCell(cell)).toBe(cell);
    },
  );

  it('restores a neutralised cell on input and leaves other apostrophes alone', () => {
    expect(restoreNeutralisedCell("'+12025550143")).toBe('+12025550143');
    expect(restoreNeutralisedCell("'=cmd")).toBe('=cmd');
    expect(restoreNeutralisedCell("O'Brien")).toBe("O'Brien");
    expect(restoreNeutralisedCell("'Brien")).toBe("'Brien");
  });
});

describe('CSV writer', () => {
  it('quotes commas, quotes and line breaks and ends every record with CRLF', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    expect(
      writeCsv([
        ['h1', 'h2'],
        ['x', ''],
      ]),
    ).toBe('h1,h2\r\nx,\r\n');
  });

  it('neutralises formulas before quoting, unless told not to', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+12025550143', { neutraliseFormulas: false })).toBe('+12025550143');
  });

  it('round-trips through a real CSV parser', () => {
    const records = [
      ['First Name', 'Last Name', 'Email or Device #'],
      ['Zoë', 'O"Neil, Jr.', '+12025550143'],
      ['multi\r\nline', '=evil()', 'a@b.co'],
    ];
    const parsed = Papa.parse<string[]>(writeCsv(records), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['First Name', 'Last Name', 'Email or Device #'],
      ['Zoë', 'O"Neil, Jr.', "'+12025550143"],
      ['multi\r\nline', "'=evil()", 'a@b.co'],
    ]);
    expect(parsed.map((r) => r.map(restoreNeutralisedCell))[1]?.[2]).toBe('+12025550143');
  });
});
