// Which rows share a normalised key (a contact or a number), in row order, so a repeat is flagged on
// the later rows and an edit knows which other rows it changes. Most keys occur once: they cost one
// Map entry; only repeated keys keep a list.

/** Rows (by index, in file order) grouped by key. */
export class KeyIndex {
  private readonly first = new Map<string, number>();
  private readonly more = new Map<string, number[]>();

  /** The earliest row holding the key, or undefined. */
  firstOf(key: string): number | undefined {
    return this.first.get(key);
  }

  /** Every row holding the key, earliest first. */
  rowsOf(key: string): number[] {
    const first = this.first.get(key);
    if (first === undefined) return [];
    return [first, ...(this.more.get(key) ?? [])];
  }

  /** Adds a row; answers the rows whose standing changed (the group when the first one changed). */
  insert(key: string, index: number): number[] {
    const first = this.first.get(key);
    if (first === undefined) {
      this.first.set(key, index);
      return [];
    }
    const more = this.more.get(key) ?? [];
    if (index < first) {
      this.first.set(key, index);
      more.unshift(first);
      this.more.set(key, more);
      return [first, ...more.slice(1)];
    }
    // Rows arrive in order while a file is read: appending is the common case.
    let at = more.length;
    while (at > 0 && more[at - 1]! > index) at -= 1;
    more.splice(at, 0, index);
    this.more.set(key, more);
    return [];
  }

  /** Removes a row; answers the rows whose standing changed. */
  remove(key: string, index: number): number[] {
    const first = this.first.get(key);
    if (first === undefined) return [];
    const more = this.more.get(key) ?? [];
    if (first === index) {
      const next = more.shift();
      if (next === undefined) this.first.delete(key);
      else this.first.set(key, next);
      if (more.length === 0) this.more.delete(key);
      return next === undefined ? [] : [next, ...more];
    }
    const at = more.indexOf(index);
    if (at >= 0) more.splice(at, 1);
    if (more.length === 0) this.more.delete(key);
    return [];
  }

  clear(): void {
    this.first.clear();
    this.more.clear();
  }
}
