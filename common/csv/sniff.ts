// Guesses a CSV's delimiter and line break from its first line (the header), counting only
// characters outside quotes: template headers never contain a delimiter of their own.
import type { CsvDelimiter } from './file-check';

/** The first record's text (up to a line break outside quotes). */
function firstLine(text: string): string {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) return text.slice(0, index);
  }
  return text;
}

/** Comma, semicolon or tab: whichever the header line uses most outside quotes (comma on a tie). */
export function sniffDelimiter(text: string): CsvDelimiter {
  const line = firstLine(text);
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  let best: CsvDelimiter = ',';
  for (const candidate of [';', '\t'] as const) {
    if (counts[candidate] > counts[best]) best = candidate;
  }
  return best;
}

/** The line break the file uses: CRLF (Excel on Windows), LF, or a lone CR (old Mac exports). */
export function sniffNewline(text: string): '\r\n' | '\n' | '\r' {
  const at = text.search(/[\r\n]/);
  if (at < 0 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}
