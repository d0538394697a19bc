// Control characters (NUL, line breaks, tabs…) in text that should be one plain line: names,
// file names, device fields. NUL matters most: PostgreSQL text cannot hold it at all.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- NUL removal
const NUL = /\u0000/g;

/** True when the text holds a control character. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** The text without NUL characters (for storing what a client sent, as faithfully as possible). */
export function withoutNul(text: string): string {
  return text.replace(NUL, '');
}
