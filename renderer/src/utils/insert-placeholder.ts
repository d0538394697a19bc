// Inserts a template placeholder such as {{firstName}} where the caret is in a text field.

export interface TextInsertion {
  text: string;
  /** Where the caret goes after the inserted placeholder. */
  caret: number;
}

/** Replaces the selection [start, end) of text with the placeholder; no selection means the end. */
export function insertPlaceholder(
  text: string,
  placeholder: string,
  start: number | null | undefined,
  end: number | null | undefined,
): TextInsertion {
  const from = clamp(start ?? text.length, text.length);
  const to = clamp(end ?? from, text.length);
  const token = `{{${placeholder}}}`;
  return {
    text: text.slice(0, from) + token + text.slice(Math.max(from, to)),
    caret: from + token.length,
  };
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(0, value), max);
}
