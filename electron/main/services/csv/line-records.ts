// Parses decoded CSV text into records, each with where its line is in the text, with papaparse.
// Text without a quote is split by papaparse's fast path in one go, and each line's end is counted
// from its cells; text with quotes goes record by record (papaparse's step), whose cursor tells
// where each line ends. The fast way allocates nothing per record beyond its cells.
import Papa from 'papaparse';
import type { LineSplitter } from '../../../../common/csv/record-intake';

/** One record and its line, `start`–`end` of the text (line break included); false stops. */
export type OnLineRecord = (cells: string[], start: number, end: number) => boolean;

export class LineRecordParser {
  private readonly whole: Papa.Parser;
  private readonly stepwise: Papa.Parser;
  private lineStart = 0;
  private stopped = false;

  constructor(
    private readonly delimiter: string,
    private readonly newline: '\r\n' | '\n' | '\r',
    private readonly onRecord: OnLineRecord,
  ) {
    this.whole = new Papa.Parser({ delimiter, newline });
    // The Parser class (unlike Papa.parse) hands a step its one record inside `data`.
    this.stepwise = new Papa.Parser({
      delimiter,
      newline,
      step: (results: Papa.ParseStepResult<string[][]>) => {
        if (this.stopped) return;
        const end = results.meta.cursor;
        if (!this.onRecord(results.data[0]!, this.lineStart, end)) this.stopped = true;
        this.lineStart = end;
      },
    });
  }

  /** True once a record was refused. */
  get done(): boolean {
    return this.stopped;
  }

  /**
   * Parses `input` (all of it when `last`, else up to its last whole line) and answers where the
   * part not parsed yet begins.
   */
  parse(input: string, last: boolean): number {
    this.lineStart = 0;
    if (input.indexOf('"') >= 0) {
      return (this.stepwise.parse(input, 0, !last) as Papa.ParseResult<string[]>).meta.cursor;
    }
    const results = this.whole.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const delimiterLength = this.delimiter.length;
    const newlineLength = this.newline.length;
    let start = 0;
    for (const cells of results.data) {
      if (this.stopped) break;
      let length = (cells.length - 1) * delimiterLength;
      for (const cell of cells) length += cell.length;
      // Every line but the text's very last one ends in a line break.
      const end = Math.min(start + length + newlineLength, input.length);
      if (!this.onRecord(cells, start, end)) this.stopped = true;
      start = end;
    }
    return results.meta.cursor;
  }
}

/** Splits one line as papaparse read it: as is unless a cell is quoted (then papaparse again). */
export function lineSplitter(delimiter: string, newline: '\r\n' | '\n' | '\r'): LineSplitter {
  return (line) => {
    const text = line.endsWith(newline) ? line.slice(0, -newline.length) : line;
    if (text.indexOf('"') < 0) return text.split(delimiter);
    return Papa.parse<string[]>(text, { delimiter, newline }).data[0] ?? [''];
  };
}
