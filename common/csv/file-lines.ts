// The rows of a file kept as the file's own lines: the decoded text the parser read (one string a
// chunk of about a megabyte) and, per row, where its line starts and ends in it. Reading a big file
// then builds nothing per row — its text is kept once, as decoded, plus three integers a row — and
// a row's cells are parsed again from its line only when the row is looked at.

/** Makes what the caller keeps of a row (e.g. the template's values) out of its line. */
export type LineReader<T> = (line: string) => T;

/** Lines by row index. */
export class FileLines<T> {
  private readonly chunks: string[] = [];
  private chunkOf = new Int32Array(1024).fill(-1);
  private startOf = new Int32Array(1024);
  private endOf = new Int32Array(1024);

  constructor(private readonly read: LineReader<T>) {}

  /** The text the next rows' positions refer to (the parser's input, kept as it is). */
  beginChunk(text: string): void {
    this.chunks.push(text);
  }

  /** The row's line is `start`–`end` (line break included) of the last chunk begun. */
  set(index: number, start: number, end: number): void {
    if (index >= this.chunkOf.length) this.grow(index);
    this.chunkOf[index] = this.chunks.length - 1;
    this.startOf[index] = start;
    this.endOf[index] = end;
  }

  /** True when the row is kept as a line of the file (an edited row no longer is). */
  has(index: number): boolean {
    return index < this.chunkOf.length && this.chunkOf[index]! >= 0;
  }

  /** Drops a row's line (once it is edited and kept elsewhere). */
  forget(index: number): void {
    if (index < this.chunkOf.length) this.chunkOf[index] = -1;
  }

  /** What the reader makes of the row's line. */
  get(index: number): T {
    const chunk = this.chunks[this.chunkOf[index]!]!;
    return this.read(chunk.slice(this.startOf[index], this.endOf[index]));
  }

  private grow(index: number): void {
    let size = this.chunkOf.length;
    while (size <= index) size *= 2;
    const chunkOf = new Int32Array(size).fill(-1);
    chunkOf.set(this.chunkOf);
    this.chunkOf = chunkOf;
    for (const name of ['startOf', 'endOf'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[name]);
      this[name] = bigger;
    }
  }
}
