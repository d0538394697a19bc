// Which rows share a normalised key (a contact or a number), in row order, so a repeat is flagged on
// the later rows and an edit knows which other rows it changes. Built for a million rows: an
// open-addressing table of typed arrays keyed by the key's hash, and the rows of one key linked in
// file order. Keys are not kept here: the table asks the rows for a row's key when two hashes meet.
// Rows read from a file are appended and indexed together, in the order of their home slots, so
// filling the table walks it once instead of jumping across megabytes for every row.

/** What an insert or remove that changed no other row's standing answers (shared, never changed). */
const UNCHANGED: readonly number[] = Object.freeze([]);

const EMPTY = 0;
const REMOVED = -1;
const NONE = -1;
const SLOT = 3;
const LAST = 1;
const HASH = 2;

/** 32-bit FNV-1a of the key's UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at += 1) {
    hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  }
  return hash | 0;
}

/** A copy of `array` with room for at least `size` numbers, the new ones `fill`. */
function grown(array: Int32Array, size: number, fill: number): Int32Array<ArrayBuffer> {
  let length = array.length;
  while (length < size) length *= 2;
  const bigger = new Int32Array(length);
  if (fill !== 0) bigger.fill(fill, array.length);
  bigger.set(array);
  return bigger;
}

/**
 * The first `count` (hash, row) pairs sorted by home slot (`hash & mask`), keeping row order among
 * equal ones: a stable radix sort, eleven bits a pass, that moves the pairs themselves so every
 * pass, and the walk over the result, reads memory in order.
 */
function sortByHomeSlot(
  hashes: Int32Array,
  rows: Int32Array,
  count: number,
  mask: number,
): { hashes: Int32Array; rows: Int32Array } {
  let fromHashes = hashes;
  let fromRows = rows;
  let toHashes: Int32Array = new Int32Array(count);
  let toRows: Int32Array = new Int32Array(count);
  const buckets = new Int32Array(2048);
  for (let shift = 0; mask >>> shift !== 0; shift += 11) {
    buckets.fill(0);
    for (let at = 0; at < count; at += 1) {
      buckets[((fromHashes[at]! & mask) >>> shift) & 2047]! += 1;
    }
    let sum = 0;
    for (let bucket = 0; bucket < 2048; bucket += 1) {
      const size = buckets[bucket]!;
      buckets[bucket] = sum;
      sum += size;
    }
    for (let at = 0; at < count; at += 1) {
      const hash = fromHashes[at]!;
      const to = buckets[((hash & mask) >>> shift) & 2047]!++;
      toHashes[to] = hash;
      toRows[to] = fromRows[at]!;
    }
    [fromHashes, toHashes] = [toHashes, fromHashes];
    [fromRows, toRows] = [toRows, fromRows];
  }
  return { hashes: fromHashes, rows: fromRows };
}

/** Rows (by index, in file order) grouped by key. */
export class KeyIndex {
  /**
   * Three numbers a slot, side by side so a probe touches one cache line: the group's first row
   * + 1 (EMPTY, or REMOVED once its group emptied), its last row + 1, and the key's hash.
   */
  private slots = new Int32Array(1024 * SLOT);
  private taken = 0;
  /** Per row: the previous and next row of its group (NONE at the ends or when not indexed). */
  private previous = new Int32Array(1024).fill(NONE);
  private following = new Int32Array(1024).fill(NONE);

  /** Rows appended and not indexed yet: their keys' hashes and their indexes, in row order. */
  private appendedHashes = new Int32Array(1024);
  private appendedRows = new Int32Array(1024);
  private appended = 0;

  /** `keyOf(row)`: the key a row was indexed with (asked only when two hashes are equal). */
  constructor(private readonly keyOf: (index: number) => string | null) {}

  /**
   * Adds a row after every row indexed or appended so far, to be indexed by the next `settle`
   * (until then the row is not in the index: settle before asking about it).
   */
  append(key: string, index: number): void {
    if (this.appended === this.appendedRows.length) {
      this.appendedHashes = grown(this.appendedHashes, this.appended + 1, 0);
      this.appendedRows = grown(this.appendedRows, this.appended + 1, 0);
    }
    this.appendedHashes[this.appended] = hashOf(key);
    this.appendedRows[this.appended] = index;
    this.appended += 1;
  }

  /** Indexes the rows appended since the last settle. */
  settle(): void {
    const count = this.appended;
    if (count === 0) return;
    this.appended = 0;
    this.reserveRow(this.appendedRows[count - 1]!);
    if ((this.taken + count) * 10 * SLOT > this.slots.length * 7) this.rehash(this.taken + count);
    const mask = this.slots.length / SLOT - 1;
    const { hashes, rows } = sortByHomeSlot(this.appendedHashes, this.appendedRows, count, mask);
    const slots = this.slots;
    // Rows of one key are next to each other in this order: the last group found is tried first,
    // its key asked of the rows once.
    let groupSlot = -1;
    let groupKey: string | null | undefined;
    for (let at = 0; at < count; at += 1) {
      const index = rows[at]!;
      const hash = hashes[at]!;
      let slot = -1;
      if (groupSlot >= 0 && slots[groupSlot + HASH] === hash) {
        groupKey ??= this.keyOf(slots[groupSlot]! - 1);
        if (this.keyOf(index) === groupKey) slot = groupSlot;
      }
      if (slot < 0) slot = this.find(hash, undefined, index);
      if (slot < 0) {
        // A new key. Appended rows are linked to no other yet (their links are NONE already).
        slot = -slot - 1;
        if (slots[slot] === EMPTY) this.taken += 1;
        slots[slot] = index + 1;
        slots[slot + LAST] = index + 1;
        slots[slot + HASH] = hash;
      } else {
        // Rows of one key come in row order, after every row indexed before: the group's new last.
        const last = slots[slot + LAST]! - 1;
        this.link(last, index, NONE);
        slots[slot + LAST] = index + 1;
      }
      if (slot !== groupSlot) {
        groupSlot = slot;
        groupKey = undefined;
      }
    }
  }

  /** The earliest row holding the key, or undefined. */
  firstOf(key: string): number | undefined {
    const slot = this.find(hashOf(key), key);
    return slot < 0 ? undefined : this.slots[slot]! - 1;
  }

  /** True when an earlier row holds this row's key. */
  isRepeat(index: number): boolean {
    return index < this.previous.length && this.previous[index] !== NONE;
  }

  /** Every row holding the key, earliest first. */
  rowsOf(key: string): number[] {
    const first = this.firstOf(key);
    return first === undefined ? [] : this.chainFrom(first);
  }

  /** Adds a row; answers the rows whose standing changed (the group when the first one changed). */
  insert(key: string, index: number): readonly number[] {
    this.reserveRow(index);
    const hash = hashOf(key);
    const slot = this.find(hash, key);
    if (slot < 0) {
      this.place(-slot - 1, hash, index);
      return UNCHANGED;
    }
    const first = this.slots[slot]! - 1;
    const last = this.slots[slot + LAST]! - 1;
    if (index < first) {
      const group = this.chainFrom(first);
      this.link(NONE, index, first);
      this.slots[slot] = index + 1;
      return group;
    }
    // Rows arrive in order while a file is read: appending is the common case.
    let before = last;
    while (before > index) before = this.previous[before]!;
    const after = this.following[before]!;
    this.link(before, index, after);
    if (after === NONE) this.slots[slot + LAST] = index + 1;
    return UNCHANGED;
  }

  /** Removes a row; answers the rows whose standing changed. */
  remove(key: string, index: number): number[] {
    const slot = this.find(hashOf(key), key);
    if (slot < 0 || index >= this.previous.length) return [];
    const before = this.previous[index]!;
    const after = this.following[index]!;
    const first = this.slots[slot]! - 1;
    if (before === NONE && first !== index) return []; // not in this group
    if (before !== NONE) this.following[before] = after;
    if (after !== NONE) this.previous[after] = before;
    this.previous[index] = NONE;
    this.following[index] = NONE;
    if (after === NONE) this.slots[slot + LAST] = before + 1;
    if (first !== index) return [];
    if (after === NONE) {
      this.slots[slot] = REMOVED;
      return [];
    }
    this.slots[slot] = after + 1;
    return this.chainFrom(after);
  }

  /** Makes room for `rows` keys at once (a big file's size is known early): no rehash on the way. */
  reserve(rows: number): void {
    this.reserveRow(rows - 1);
    if (rows > this.appendedRows.length) {
      this.appendedHashes = grown(this.appendedHashes, rows, 0);
      this.appendedRows = grown(this.appendedRows, rows, 0);
    }
    if (rows * 2 * SLOT > this.slots.length) this.rehash(rows);
  }

  clear(): void {
    this.slots.fill(EMPTY);
    this.taken = 0;
    this.appended = 0;
    this.previous.fill(NONE);
    this.following.fill(NONE);
  }

  private chainFrom(first: number): number[] {
    const rows: number[] = [];
    for (let at = first; at !== NONE; at = this.following[at]!) rows.push(at);
    return rows;
  }

  private link(before: number, index: number, after: number): void {
    this.previous[index] = before;
    this.following[index] = after;
    if (before !== NONE) this.following[before] = index;
    if (after !== NONE) this.previous[after] = index;
  }

  /**
   * The slot holding the key (its offset in `slots`), or -(free slot + 1) where it would go. The key
   * may be left undefined and given as a row's instead: it is asked of the rows only when two hashes
   * meet.
   */
  private find(hash: number, key: string | null | undefined, keyRow = -1): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    let free = -1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = at * SLOT;
      const row = slots[slot]!;
      if (row === EMPTY) return -((free >= 0 ? free : slot) + 1);
      if (row === REMOVED) {
        if (free < 0) free = slot;
      } else if (slots[slot + HASH] === hash) {
        if (key === undefined) key = this.keyOf(keyRow);
        if (this.keyOf(row - 1) === key) return slot;
      }
    }
  }

  private place(slot: number, hash: number, index: number): void {
    if (this.slots[slot] === EMPTY) this.taken += 1;
    this.slots[slot] = index + 1;
    this.slots[slot + LAST] = index + 1;
    this.slots[slot + HASH] = hash;
    this.previous[index] = NONE;
    this.following[index] = NONE;
    // At most 70 % full (removed slots included), so a probe stays short.
    if (this.taken * 10 * SLOT > this.slots.length * 7) this.rehash();
  }

  private rehash(expected = 0): void {
    const old = this.slots;
    let live = 0;
    for (let slot = 0; slot < old.length; slot += SLOT) if (old[slot]! > 0) live += 1;
    let size = 1024;
    // Half full at most afterwards: room to grow before the next rehash, and a table small
    // enough that a million keys' probes miss the cache less.
    while (size < Math.max(live, expected) * 2) size *= 2;
    const slots = new Int32Array(size * SLOT);
    const mask = size - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from]! <= 0) continue;
      let at = old[from + HASH]! & mask;
      while (slots[at * SLOT] !== EMPTY) at = (at + 1) & mask;
      // Three plain copies: a subarray a slot would allocate a million views.
      const to = at * SLOT;
      slots[to] = old[from]!;
      slots[to + LAST] = old[from + LAST]!;
      slots[to + HASH] = old[from + HASH]!;
    }
    this.slots = slots;
    this.taken = live;
  }

  private reserveRow(index: number): void {
    if (index < this.previous.length) return;
    let size = this.previous.length;
    while (size <= index) size *= 2;
    const previous = new Int32Array(size).fill(NONE);
    previous.set(this.previous);
    this.previous = previous;
    const following = new Int32Array(size).fill(NONE);
    following.set(this.following);
    this.following = following;
  }
}
