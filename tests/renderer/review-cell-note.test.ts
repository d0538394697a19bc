// What the import Review grid says about a row and its cells: problems before warnings, only the
// messages about that cell, all of them.
import { describe, expect, it } from 'vitest';
import { noteOf } from '../../renderer/src/components/import/cell-note';
import type { CsvRow } from '../../common/ipc/csv-contract';

const row: CsvRow = {
  row: 5,
  values: {
    firstName: 'Eli',
    lastName: 'Audit',
    contact: 'eli-at-example.com',
    linesAllowed: '1',
    permissionProfile: '',
    number: '',
  },
  normalisedContact: null,
  problems: [
    { column: 'contact', kind: 'invalid', message: 'Not an email address.' },
    { column: 'contact', kind: 'duplicate', message: 'Also on row 3.' },
  ],
  warnings: [
    { column: 'contact', message: 'Looks like a typing slip.' },
    { column: 'lastName', message: 'Written in capitals.' },
  ],
  edited: false,
};

describe('noteOf', () => {
  it("gives a cell's problems, all of them, before its warnings", () => {
    expect(noteOf(row, 'contact')).toEqual({
      kind: 'problem',
      message: 'Not an email address. Also on row 3.',
    });
    expect(noteOf(row, 'lastName')).toEqual({ kind: 'warning', message: 'Written in capitals.' });
    expect(noteOf(row, 'firstName')).toBeNull();
  });

  it("gives the whole row's problems, else its warnings, else nothing", () => {
    expect(noteOf(row)?.message).toBe('Not an email address. Also on row 3.');
    expect(noteOf({ ...row, problems: [] })).toEqual({
      kind: 'warning',
      message: 'Looks like a typing slip. Written in capitals.',
    });
    expect(noteOf({ ...row, problems: [], warnings: [] })).toBeNull();
  });
});
