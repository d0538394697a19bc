// Turns a pasted list of phone numbers (one per line, or separated by commas, semicolons or tabs)
// into E.164 numbers for the pool, with a sentence for every entry that cannot be added.
import { normaliseDeviceNumber } from '../../../common/contact/phone';

export interface NumberListProblem {
  /** 1-based position in the pasted list, as the admin counts the entries. */
  position: number;
  input: string;
  message: string;
}

export interface ParsedNumberList {
  numbers: string[];
  problems: NumberListProblem[];
}

/** Entries are split on line breaks, commas, semicolons and tabs; spaces inside a number are kept. */
export function splitNumberList(text: string): string[] {
  return text
    .split(/[\n\r,;\t]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Normalises each entry (country code required) and flags invalid ones and repeats. */
export function parseNumberList(text: string): ParsedNumberList {
  const numbers: string[] = [];
  const problems: NumberListProblem[] = [];
  const firstSeen = new Map<string, number>();
  splitNumberList(text).forEach((input, index) => {
    const position = index + 1;
    const check = normaliseDeviceNumber(input);
    if (!check.ok) {
      problems.push({ position, input, message: check.message.replace('device number', 'number') });
      return;
    }
    const earlier = firstSeen.get(check.number);
    if (earlier !== undefined) {
      problems.push({
        position,
        input,
        message: `${check.number} is already in this list (entry ${earlier}).`,
      });
      return;
    }
    firstSeen.set(check.number, position);
    numbers.push(check.number);
  });
  return { numbers, problems };
}
