// The duplicate index against a plain model (a map from key to its rows in order): rows appended
// and settled together, inserted and removed one by one, in any mix, group the same way.
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../../../common/csv/key-index';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

describe('KeyIndex', () => {
  it('groups appended, inserted and removed rows as a plain model does', () => {
    const next = random(11);
    const keys: (string | null)[] = [];
    const index = new KeyIndex((row) => keys[row] ?? null);
    const model = new Map<string, number[]>();
    const modelAdd = (key: string, row: number) => {
      const rows = model.get(key) ?? [];
      rows.push(row);
      rows.sort((a, b) => a - b);
      model.set(key, rows);
    };
    // Few keys, so groups are long; enough rows that the table grows and rehashes on the way.
    const keyOf = () => `key-${Math.floor(next() * 3_000)}@example.com`;
    for (let round = 0; round < 6; round += 1) {
      // A file's rows: appended in order, indexed at the next settle.
      const appended = 1 + Math.floor(next() * 20_000);
      for (let i = 0; i < appended; i += 1) {
        const row = keys.length;
        keys.push(keyOf());
        index.append(keys[row]!, row);
        modelAdd(keys[row]!, row);
      }
      index.settle();
      // Edits: a row's key removed, then a new key inserted for it.
      for (let i = 0; i < 500; i += 1) {
        const row = Math.floor(next() * keys.length);
        const old = keys[row];
        if (old) {
          index.remove(old, row);
          model.set(
            old,
            model.get(old)!.filter((r) => r !== row),
          );
        }
        keys[row] = keyOf();
        index.insert(keys[row], row);
        modelAdd(keys[row], row);
      }
    }
    for (const [key, rows] of model) {
      expect(index.rowsOf(key)).toEqual(rows);
      expect(index.firstOf(key)).toBe(rows[0]);
    }
    for (let row = 0; row < keys.length; row += 1) {
      const rows = model.get(keys[row]!)!;
      expect(index.isRepeat(row)).toBe(rows[0] !== row);
    }
  });
});
