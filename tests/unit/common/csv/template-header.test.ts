// The template header is written exactly; headers people type are mapped through aliases.
import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_HEADER,
  columnForHeaderCell,
  mapHeader,
  recordToTemplateRow,
  spreadsheetRowNumber,
} from '../../../../common/csv';

describe('template header', () => {
  it('is written exactly as product.md gives it', () => {
    expect(TEMPLATE_HEADER).toBe(
      'First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number',
    );
  });

  it('numbers data records as a spreadsheet does (header = row 1)', () => {
    expect(spreadsheetRowNumber(0)).toBe(2);
    expect(spreadsheetRowNumber(9)).toBe(11);
  });
});

describe('header aliases', () => {
  it.each([
    ['first_name', 'firstName'],
    ['Firstname', 'firstName'],
    ['  FIRST NAME ', 'firstName'],
    ['\uFEFFFirst Name', 'firstName'],
    ['last-name', 'lastName'],
    ['Surname', 'lastName'],
    ['Email', 'contact'],
    ['Device #', 'contact'],
    ['Phone', 'contact'],
    ['email or device #', 'contact'],
    ['Lines', 'linesAllowed'],
    ['number_of_lines_allowed', 'linesAllowed'],
    ['Permissions', 'permissionProfile'],
    ['User Permissions', 'permissionProfile'],
    ['MultiLine Number', 'number'],
    ['Number', 'number'],
  ])('%j → %s', (cell, key) => {
    expect(columnForHeaderCell(cell)).toBe(key);
  });

  it('ignores unknown columns and maps the rest by position', () => {
    const mapping = mapHeader(['Notes', 'Email', 'Last Name', 'first name', 'MultiLine Number']);
    expect(mapping.problem).toBeNull();
    expect(mapping.unknown).toEqual(['Notes']);
    expect(mapping.columns).toEqual({ contact: 1, lastName: 2, firstName: 3, number: 4 });
    const row = recordToTemplateRow(['x', 'a@b.co', 'Doe', 'Jane', '+12025550143'], mapping);
    expect(row).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
      contact: 'a@b.co',
      linesAllowed: '',
      permissionProfile: '',
      number: '+12025550143',
    });
  });

  it('trims the cells it picks', () => {
    const mapping = mapHeader(['First Name', 'Last Name', 'Email']);
    expect(recordToTemplateRow(['  Jane', 'Doe \t', ' a@b.co '], mapping)).toMatchObject({
      firstName: 'Jane',
      lastName: 'Doe',
      contact: 'a@b.co',
    });
  });

  it('reports missing required columns as one whole-file problem', () => {
    const mapping = mapHeader(['First Name', 'Phone']);
    expect(mapping.missing).toEqual(['lastName']);
    expect(mapping.problem).toBe(
      'The file has no "Last Name" column. Row 1 must be the header: ' + TEMPLATE_HEADER,
    );
    expect(mapHeader([]).problem).toContain(
      '"First Name", "Last Name", "Email or Device #" columns',
    );
  });

  it('uses the first of a repeated column and says so', () => {
    const mapping = mapHeader(['First Name', 'Last Name', 'Email', 'Phone']);
    expect(mapping.columns.contact).toBe(2);
    expect(mapping.repeated).toEqual(['contact']);
  });
});
