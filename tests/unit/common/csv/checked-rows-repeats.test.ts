// Repeats stay exact through any sequence of edits and deletions: after every step each row's
// repeat messages and the counts equal those of a plain recomputation over the remaining rows.
import { describe, expect, it } from 'vitest';
import { CheckedRows, trimmedValues, type RowValues } from '../../../../common/csv/checked-rows';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const CONTACTS = ['a@example.com', 'B@example.com', 'b@example.com', 'c@example.com', 'bad'];
const NUMBERS = ['', '', '+12025550143', '+12025550144'];

describe('CheckedRows repeats', () => {
  it('match a recomputation after random edits and deletions', () => {
    const next = random(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const rows = new CheckedRows();
    const live = new Map<number, RowValues>();
    for (let i = 0; i < 60; i += 1) {
      const values = trimmedValues({
        firstName: 'Ann',
        lastName: 'Lee',
        contact: pick(CONTACTS),
        number: pick(NUMBERS),
      });
      rows.add(2 + i * 2, values);
      live.set(2 + i * 2, values);
    }
    for (let step = 0; step < 400; step += 1) {
      const rowNumber = pick([...live.keys()]);
      if (next() < 0.15 && live.size > 5) {
        rows.delete(rowNumber);
        live.delete(rowNumber);
      } else if (next() < 0.5) {
        const contact = pick(CONTACTS);
        rows.edit(rowNumber, 'contact', contact);
        live.set(rowNumber, { ...live.get(rowNumber)!, contact });
      } else {
        const number = pick(NUMBERS);
        rows.edit(rowNumber, 'number', number);
        live.set(rowNumber, { ...live.get(rowNumber)!, number });
      }
      const firstContact = new Map<string, number>();
      const firstNumber = new Map<string, number>();
      let invalid = 0;
      for (const [row, values] of [...live].sort((a, b) => a[0] - b[0])) {
        const expected: string[] = [];
        const contact = values.contact === 'bad' ? null : values.contact.toLowerCase();
        if (contact !== null) {
          const first = firstContact.get(contact);
          if (first === undefined) firstContact.set(contact, row);
          else expected.push(`${contact} is already on row ${first}.`);
        }
        if (values.number !== '') {
          const first = firstNumber.get(values.number);
          if (first === undefined) firstNumber.set(values.number, row);
          else expected.push(`${values.number} is already given to row ${first}.`);
        }
        const actual = rows
          .row(row)!
          .problems.filter((p) => p.message.includes('already'))
          .map((p) => p.message.replace(/^Row \d+, [^:]+: /, ''));
        expect(actual, `row ${row} at step ${step}`).toEqual(expected);
        if (contact === null || expected.length > 0) invalid += 1;
      }
      expect(rows.counts()).toMatchObject({ rows: live.size, invalid });
    }
  });
});
