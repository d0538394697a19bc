// Whole-file checks through the engine's record intake: one clear error for an unusable file, else
// every row numbered as a spreadsheet shows it.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { templateCsv, TEMPLATE_HEADER } from '../../../../common/csv';
import { RecordIntake } from '../../../../common/csv/record-intake';

const intakeOf = (records: string[][]): RecordIntake => {
  const intake = new RecordIntake();
  for (const record of records) if (!intake.push(record)) break;
  intake.finish();
  return intake;
};

describe('RecordIntake', () => {
  it('refuses an empty file, a header without required columns and a header only', () => {
    expect(intakeOf([]).fileError?.code).toBe('EMPTY');
    const missing = intakeOf([['First Name', 'Email']]).fileError;
    expect(missing?.code).toBe('MISSING_COLUMNS');
    expect(missing?.message).toMatch(/^The file has no "Last Name" column\./);
    const headerOnly = Papa.parse<string[]>(templateCsv(), { skipEmptyLines: false }).data;
    expect(intakeOf(headerOnly).fileError?.code).toBe('NO_DATA_ROWS');
  });

  it('numbers rows as a spreadsheet does, even around quoted newlines and blank rows', () => {
    const text =
      'first_name;Surname;Device #;Lines\r\n' +
      '"Ann\nMarie";Lee;12025550143;2\r\n' +
      ';;;\r\n' +
      'Bob;Ray;+1 202 555 0143;\r\n';
    const intake = intakeOf(Papa.parse<string[]>(text, { delimiter: ';' }).data);
    expect(intake.fileError).toBeNull();
    const rows = [...intake.rows.entries()];
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(intake.rows.counts().invalid).toBe(2);
    expect(rows[0]?.problems[0]?.message).toBe(
      'Row 2, First Name: contains a line break, tab or other control character; remove it.',
    );
    expect(rows[1]?.problems[0]?.message).toBe(
      'Row 4, Email or Device #: +12025550143 is already on row 2.',
    );
  });

  it('writes the template as the exact header line', () => {
    expect(templateCsv()).toBe(`${TEMPLATE_HEADER}\r\n`);
  });
});
