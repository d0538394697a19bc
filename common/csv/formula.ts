// Formula-injection defence for every CSV Linedesk writes (OWASP "CSV injection").
//
// A formula-looking cell (rule below) is run by Excel, LibreOffice and Sheets, so it gets a
// leading apostrophe, which spreadsheets show as "treat as text". That includes
// legitimate E.164 numbers such as `+12025550143`: we neutralise them too, consistently, because
// an exception for "things that look like phone numbers" is exactly what an attacker would aim
// for (`+1+cmd|' /C calc'!A0`), and Excel would otherwise also turn `+12025550143` into the
// number 12025550143 and lose the `+`. On input the apostrophe is removed again
// (`restoreNeutralisedCell`), so a file Linedesk wrote can be re-imported unchanged.

// The one rule for every CSV Linedesk writes: a cell starting with a tab or a carriage return, or
// whose first non-blank character is = + - @ or a full-width form (＝＋－＠; some spreadsheets and
// IMEs turn them into the ASCII ones). Leading blanks count: spreadsheets trim ` =1+1` and run it.
const ALWAYS_FIRST = new Set(['\t', '\r']);
const AFTER_BLANKS = new Set(['=', '+', '-', '@', '＝', '＋', '－', '＠']);
const LEADING_BLANKS = /^\s*/u;

/** The character that makes a spreadsheet run the cell as a formula, or null. */
export function formulaTrigger(value: string): string | null {
  const first = value.charAt(0);
  if (ALWAYS_FIRST.has(first)) return first;
  const blanks = LEADING_BLANKS.exec(value)?.[0].length ?? 0;
  const trigger = value.charAt(blanks);
  return AFTER_BLANKS.has(trigger) ? trigger : null;
}

/** True when a spreadsheet would evaluate the cell as a formula (see the rule above). */
export function looksLikeFormula(value: string): boolean {
  return formulaTrigger(value) !== null;
}

/** Prefixes a formula-looking cell with `'` so spreadsheets show it as text; others unchanged. */
export function neutraliseFormulaCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormulaCell` on input: `'+12025550143` → `+12025550143`; others unchanged. */
export function restoreNeutralisedCell(value: string): string {
  return value.startsWith("'") && looksLikeFormula(value.slice(1)) ? value.slice(1) : value;
}
