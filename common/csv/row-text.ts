// The text of every row of a file, packed: rows are appended one string each to a batch that becomes
// one string of about 64 KB, and a row is found by (string, start, end) in typed arrays. A million rows then cost
// a thousand strings instead of a million (the garbage collector's work, and the memory, shrink
// with it). A changed row is appended again; its old text stays unused in its string.

const BATCH_CHARACTERS = 64 * 1024;

/** Row texts by row index. */
export class RowText {
  private readonly batches: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private batchOf = new Int32Array(1024);
  private startOf = new Int32Array(1024);
  private endOf = new Int32Array(1024);

  /** Sets the text of a row (new or changed), as one string: one array slot a row keeps it cheap. */
  set(index: number, text: string): void {
    if (index >= this.batchOf.length) this.grow(index);
    this.batchOf[index] = this.batches.length;
    this.startOf[index] = this.pendingLength;
    this.pending.push(text);
    this.pendingLength += text.length;
    this.endOf[index] = this.pendingLength;
    if (this.pendingLength >= BATCH_CHARACTERS) this.seal();
  }

  /** True when the row has a text (every text kept is at least one character long). */
  has(index: number): boolean {
    return index < this.endOf.length && this.endOf[index]! > this.startOf[index]!;
  }

  /** Forgets a row's text (it stays unused in its string). */
  delete(index: number): void {
    if (index < this.endOf.length) this.endOf[index] = this.startOf[index]!;
  }

  /** The text of a row set earlier. */
  get(index: number): string {
    const batch = this.batchOf[index]!;
    if (batch === this.batches.length) this.seal();
    return this.batches[batch]!.slice(this.startOf[index], this.endOf[index]);
  }

  /** Ends the pending batch: one flat string (join copies the rows' texts into it). */
  private seal(): void {
    if (this.pending.length === 0) return;
    this.batches.push(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }

  private grow(index: number): void {
    let size = this.batchOf.length;
    while (size <= index) size *= 2;
    for (const name of ['batchOf', 'startOf', 'endOf'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[name]);
      this[name] = bigger;
    }
  }
}
