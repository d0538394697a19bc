// Whole-file checks: one clear message for an unusable file, else every row numbered as a spreadsheet shows it.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkImportFile, templateCsv, TEMPLATE_HEADER } from '../../../../common/csv';

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: false }).data;

describe('checkImportFile', () => {
  it('refuses an empty file and a header without required columns, with one message', () => {
    expect(checkImportFile([])).toEqual({
      ok: false,
      problem: 'The file is empty: row 1 must be the header of the template.',
    });
    const missing = checkImportFile([['First Name', 'Email']]);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.problem).toMatch(/^The file has no "Last Name" column\./);
    expect(checkImportFile(parse(templateCsv()))).toEqual({
      ok: false,
      problem: 'The file has a header but no rows of accounts.',
    });
  });

  it('numbers rows as a spreadsheet does, even around quoted newlines and blank rows', () => {
    const text =
      'first_name;Surname;Device #;Lines\r\n' +
      '"Ann\nMarie";Lee;12025550143;2\r\n' +
      ';;;\r\n' +
      'Bob;Ray;+1 202 555 0143;\r\n';
    const result = checkImportFile(Papa.parse<string[]>(text, { delimiter: ';' }).data);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(result.problemRows).toBe(2);
    expect(result.rows[0]?.check.problems[0]?.message).toBe(
      'Row 2, First Name: contains a line break, tab or other control character; remove it.',
    );
    expect(result.rows[1]?.check.problems[0]?.message).toBe(
      'Row 4, Email or Device #: +12025550143 is already on row 2.',
    );
  });

  it('writes the template as the exact header line', () => {
    expect(templateCsv()).toBe(`${TEMPLATE_HEADER}\r\n`);
  });
});
