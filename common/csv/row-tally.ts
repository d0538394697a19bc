// A checked row's standing as flags in one byte, and the counts over all rows kept as rows change:
// each row is counted with the flags it had, so taking it out again needs nothing but its index.

export const INVALID = 1;
export const WARNING = 2;
export const DELETED = 4;
export const EDITED = 8;
export const DUPLICATE_ONLY = 16;
export const NO_NUMBER = 32;
/** The row took the full rules, so it may have problems or warnings kept (others have none). */
export const FULLY_CHECKED = 128;

/** Set in `counted` for a row included in the counts. */
const COUNTED = 64;

export interface RowCounts {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  warnings: number;
  withoutNumber: number;
}

const emptyCounts = (): RowCounts => ({
  rows: 0,
  valid: 0,
  invalid: 0,
  duplicates: 0,
  warnings: 0,
  withoutNumber: 0,
});

/** The counts of rows by standing. */
export class RowTally {
  /** The flags each row was counted with (0 = not counted). */
  private counted = new Uint8Array(1024);
  private counts: RowCounts = emptyCounts();

  /** A copy of the counts. */
  get current(): RowCounts {
    return { ...this.counts };
  }

  /** Counts a row with its flags (taking out what it was counted with before). */
  count(index: number, flags: number): void {
    this.uncount(index);
    if (index >= this.counted.length) {
      let size = this.counted.length;
      while (size <= index) size *= 2;
      const counted = new Uint8Array(size);
      counted.set(this.counted);
      this.counted = counted;
    }
    this.counted[index] = flags | COUNTED;
    this.add(flags, 1);
  }

  /** Takes a row out of the counts (nothing when it was not counted). */
  uncount(index: number): void {
    const flags = index < this.counted.length ? this.counted[index]! : 0;
    if (!(flags & COUNTED)) return;
    this.counted[index] = 0;
    this.add(flags, -1);
  }

  clear(): void {
    this.counted.fill(0);
    this.counts = emptyCounts();
  }

  private add(flags: number, by: number): void {
    const counts = this.counts;
    counts.rows += by;
    if (flags & INVALID) counts.invalid += by;
    else counts.valid += by;
    if (flags & DUPLICATE_ONLY) counts.duplicates += by;
    if (flags & WARNING) counts.warnings += by;
    if (!(flags & INVALID) && flags & NO_NUMBER) counts.withoutNumber += by;
  }
}
