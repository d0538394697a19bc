// Import row rules: every message names the spreadsheet row, the column and the problem.
import { describe, expect, it } from 'vitest';
import { checkImportRow, rowOutcomeOf } from '../../../../common/csv';
import { CheckedRows, trimmedValues } from '../../../../common/csv/checked-rows';

const good = { firstName: 'Jane', lastName: 'Doe', contact: 'Jane.Doe@Example.com' };

describe('checkImportRow', () => {
  it('normalises a valid row and applies defaults', () => {
    const result = checkImportRow(2, good);
    expect(result).toEqual({
      ok: true,
      problems: [],
      row: {
        firstName: 'Jane',
        lastName: 'Doe',
        contact: 'jane.doe@example.com',
        contactType: 'email',
        linesAllowed: 1,
        permissionProfile: null,
        number: null,
      },
    });
  });

  it('accepts device numbers with a country code and text numbers from Excel', () => {
    const result = checkImportRow(3, {
      ...good,
      contact: "'+1 (202) 555-0143",
      linesAllowed: ' 3 ',
      number: '0044 20 7946 0958',
    });
    expect(result.ok && result.row).toMatchObject({
      contact: '+12025550143',
      contactType: 'sms',
      linesAllowed: 3,
      number: '+442079460958',
    });
  });

  it('requires names and flags formula-looking ones', () => {
    const result = checkImportRow(7, {
      firstName: ' ',
      lastName: '=HYPERLINK("x")',
      contact: 'a@b.co',
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.column, p.message])).toEqual([
      ['firstName', 'Row 7, First Name: is required.'],
      [
        'lastName',
        'Row 7, Last Name: "=HYPERLINK("x")" starts with "=", which spreadsheets run as a formula; remove that character.',
      ],
    ]);
    for (const name of ['+Bob', '-Bob', '@Bob']) {
      expect(checkImportRow(2, { ...good, firstName: name }).ok).toBe(false);
    }
  });

  it('says a national device number needs a country code', () => {
    const result = checkImportRow(4, { ...good, contact: '2025550143' });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(
      /^Row 4, Email or Device #: .*needs a country code/,
    );
    expect(checkImportRow(4, { ...good, contact: '' }).problems[0]?.message).toMatch(
      /^Row 4, Email or Device #: is required/,
    );
  });

  it('keeps lines allowed within 1 and the organization maximum', () => {
    for (const bad of ['0', '6', '1.5', 'two', '-1']) {
      const result = checkImportRow(5, { ...good, linesAllowed: bad });
      expect(result.problems[0]?.message).toBe(
        `Row 5, Number Of Lines Allowed: "${bad}" must be a whole number from 1 to 5.`,
      );
    }
    expect(checkImportRow(5, { ...good, linesAllowed: '8' }, { maxLinesAllowed: 8 }).ok).toBe(true);
    expect(checkImportRow(5, { ...good, linesAllowed: 2 }).ok).toBe(true);
  });

  it('checks the Number column and the permission profile name', () => {
    expect(checkImportRow(6, { ...good, number: '+1999' }).problems[0]?.message).toMatch(
      /^Row 6, Number: /,
    );
    const profiles = { permissionProfileNames: ['Default User Permissions (Default)', 'Sales'] };
    const ok = checkImportRow(6, { ...good, permissionProfile: ' sales ' }, profiles);
    expect(ok.ok && ok.row.permissionProfile).toBe('Sales');
    expect(
      checkImportRow(6, { ...good, permissionProfile: 'Ops' }, profiles).problems[0]?.message,
    ).toBe(
      'Row 6, User Permissions: there is no permission profile named "Ops" for this organization.',
    );
  });

  it('flags a contact that already has an account as a duplicate', () => {
    const result = checkImportRow(2, good, { existingContacts: new Set(['jane.doe@example.com']) });
    expect(rowOutcomeOf(result.problems)).toBe('duplicate');
  });
});

describe('repeats within a file (CheckedRows)', () => {
  it('flags the same contact or number on later rows, after normalisation', () => {
    const rows = new CheckedRows();
    const check = (row: number, cells: Parameters<typeof trimmedValues>[0]) => {
      rows.add(row, trimmedValues(cells));
      return rows.row(row)!;
    };
    expect(check(2, { ...good, contact: '+12025550143', number: '+12025550100' }).problems).toEqual(
      [],
    );
    const repeatContact = check(3, { ...good, contact: '1 202 555 0143' });
    expect(repeatContact.problems.map((p) => p.message)).toEqual([
      'Row 3, Email or Device #: +12025550143 is already on row 2.',
    ]);
    expect(rowOutcomeOf(repeatContact.problems)).toBe('duplicate');
    const repeatNumber = check(4, { ...good, contact: 'x@y.co', number: '12025550100' });
    expect(repeatNumber.problems.map((p) => p.message)).toEqual([
      'Row 4, Number: +12025550100 is already given to row 2.',
    ]);
    expect(rowOutcomeOf(repeatNumber.problems)).toBe('invalid');
    expect(check(5, { ...good, contact: 'JANE.doe@example.com' }).problems).toEqual([]);
  });
});
