// The checked rows of a draft: repeats follow edits and deletions both ways, counts stay exact,
// pages filter without losing row numbers, and the delimiter and line break are sniffed.
import { describe, expect, it } from 'vitest';
import { CheckedRows, trimmedValues } from '../../../../common/csv/checked-rows';
import { isNoteRecord } from '../../../../common/csv/record-intake';
import { sniffDelimiter, sniffNewline } from '../../../../common/csv/sniff';

const row = (first: string, contact: string, number = '') =>
  trimmedValues({ firstName: first, lastName: 'Lee', contact, number });

describe('CheckedRows', () => {
  it('flags a repeated contact on the later rows and moves the flag when the first one changes', () => {
    const rows = new CheckedRows();
    rows.add(2, row('Ann', 'a@example.com'));
    rows.add(4, row('Bob', 'A@Example.com'));
    rows.add(5, row('Cy', 'a@example.com'));
    expect(rows.counts()).toMatchObject({ rows: 3, valid: 1, invalid: 2, duplicates: 2 });
    expect(rows.row(5)!.problems[0]!.message).toBe(
      'Row 5, Email or Device #: a@example.com is already on row 2.',
    );

    const edited = rows.edit(2, 'contact', 'other@example.com')!;
    expect(edited.row.problems).toEqual([]);
    expect(edited.affected.map((r) => [r.row, r.problems.map((p) => p.message)])).toEqual([
      [4, []],
      [5, ['Row 5, Email or Device #: a@example.com is already on row 4.']],
    ]);
    expect(rows.counts()).toMatchObject({ rows: 3, valid: 2, invalid: 1, duplicates: 1 });

    // Giving row 2 the contact back makes it the first again.
    const back = rows.edit(2, 'contact', 'a@example.com')!;
    expect(back.affected.map((r) => r.row)).toEqual([4, 5]);
    expect(rows.counts()).toMatchObject({ valid: 1, invalid: 2 });

    const removed = rows.delete(2)!;
    expect(removed.affected.map((r) => [r.row, r.problems.length])).toEqual([
      [4, 0],
      [5, 1],
    ]);
    expect(rows.row(2)).toBeUndefined();
    expect(rows.counts()).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
    expect(rows.page('all', 0, 10).rows.map((r) => r.row)).toEqual([4, 5]);
    expect(rows.page('problems', 0, 10).rows.map((r) => r.row)).toEqual([5]);
    expect(rows.page('valid', 0, 10)).toMatchObject({ total: 1 });
  });

  it('re-checks every row against newer organization data', () => {
    const rows = new CheckedRows();
    rows.add(2, row('Ann', 'a@example.com', '+12025550180'));
    rows.add(3, row('Bob', 'b@example.com'));
    rows.edit(3, 'firstName', 'Bobby');
    expect(rows.counts()).toMatchObject({ valid: 2, withoutNumber: 1 });
    rows.recheck({
      existingContacts: new Set(['b@example.com']),
      poolNumbers: new Map([['+12025550180', 'registered']]),
    });
    expect(rows.counts()).toMatchObject({ rows: 2, valid: 0, invalid: 2, duplicates: 1 });
    expect(rows.row(3)).toMatchObject({ edited: true, values: { firstName: 'Bobby' } });
  });

  it('keeps values holding the internal separator whole', () => {
    const rows = new CheckedRows();
    rows.add(2, row('An\u001fn', 'a@example.com'));
    expect(rows.row(2)!.values.firstName).toBe('An\u001fn');
  });
});

describe('sniffing', () => {
  it('reads the delimiter and line break from the header line, outside quotes', () => {
    expect(sniffDelimiter('First Name;Last Name;"a,b,c"\r\nx,y')).toBe(';');
    expect(sniffDelimiter('First Name\tLast Name\tEmail\n')).toBe('\t');
    expect(sniffDelimiter('Email')).toBe(',');
    expect(sniffNewline('a,b\r\nc')).toBe('\r\n');
    expect(sniffNewline('a,b\nc')).toBe('\n');
    expect(sniffNewline('a,b\rc')).toBe('\r');
  });

  it('recognises the template Note row only when the other cells are empty', () => {
    expect(isNoteRecord(['NOTE: delete this row', '', ' '])).toBe(true);
    expect(isNoteRecord(['Note: x', 'Lee'])).toBe(false);
    expect(isNoteRecord(['Notes', ''])).toBe(false);
  });

  it('keeps every repeat when room for the whole file is made part-way through it', () => {
    const rows = new CheckedRows();
    for (let i = 0; i < 3000; i += 1) rows.add(2 + i, row(`P${i}`, `p${i % 2000}@example.com`));
    rows.reserve(50_000);
    for (let i = 3000; i < 6000; i += 1) rows.add(2 + i, row(`P${i}`, `p${i % 2000}@example.com`));
    expect(rows.counts()).toMatchObject({ rows: 6000, valid: 2000, invalid: 4000 });
    expect(rows.row(2 + 5999)!.problems[0]!.message).toBe(
      `Row ${2 + 5999}, Email or Device #: p1999@example.com is already on row ${2 + 1999}.`,
    );
    expect(rows.edit(2, 'contact', 'new@example.com')!.affected.map((r) => r.row)).toEqual([
      2 + 2000,
      2 + 4000,
    ]);
  });
});
