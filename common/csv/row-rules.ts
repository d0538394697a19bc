// Per-row rules of an import file, shared by the desktop wizard (offline drafts) and the service
// (import chunks). Every message names the row as a spreadsheet shows it, the column and the problem.
import {
  deviceNumberOf,
  isPlausibleEmail,
  normaliseContact,
  normaliseDeviceNumber,
  type ContactType,
} from '../contact';
import { hasControlCharacter } from './control-characters';
import { formulaTrigger, looksLikeFormula, restoreNeutralisedCell } from './formula';
import {
  DEFAULT_LINES_ALLOWED,
  DEFAULT_MAX_LINES_ALLOWED,
  TEMPLATE_COLUMN_LABELS,
  type TemplateColumnKey,
} from './template';

/** The cells of one row as read from a file or sent to the service (every field may be missing). */
export type ImportRowCells = {
  firstName?: string | null;
  lastName?: string | null;
  contact?: string | null;
  linesAllowed?: string | number | null;
  permissionProfile?: string | null;
  number?: string | null;
};

/** A row that passed every rule, normalised (contact lower-cased or E.164, number E.164). */
export type NormalisedImportRow = {
  firstName: string;
  lastName: string;
  contact: string;
  contactType: ContactType;
  linesAllowed: number;
  /** The profile name as the organization spells it, or null for the job's profile. */
  permissionProfile: string | null;
  number: string | null;
};

/** `duplicate`: the contact already has an account or came on an earlier row; `invalid`: anything else. */
export type ImportRowProblemKind = 'invalid' | 'duplicate';

export type ImportRowProblem = {
  column: TemplateColumnKey;
  kind: ImportRowProblemKind;
  /** e.g. `Row 5, Email or Device #: "abc" is not a valid email address.` */
  message: string;
};

export type ImportRowCheck =
  | { ok: true; row: NormalisedImportRow; problems: [] }
  | { ok: false; row: null; problems: ImportRowProblem[] };

export type ImportRowRulesContext = {
  /** The organization's `maxLinesAllowed` (default 5). */
  maxLinesAllowed?: number;
  /** Names of the permission profiles visible to the organization; omitted = not checked here. */
  permissionProfileNames?: readonly string[];
  /** Normalised contacts that already have an account in the tenant (e.g. the offline cache). */
  existingContacts?: ReadonlySet<string>;
  /** The organization's pool (E.164 → state, e.g. `available`); omitted = not checked here. */
  poolNumbers?: ReadonlyMap<string, string>;
};

/** The normalised contact and number of a row (null when absent or invalid), for duplicate checks. */
export type ImportRowKeys = { contact: string | null; number: string | null };

/** States of a pool number an admin may assign to a row. */
const ASSIGNABLE_STATES = new Set(['available', 'reserved']);

/** Longest first or last name accepted. */
export const MAX_NAME_LENGTH = 100;

/** `Row 5, Email or Device #: <what>` */
export function rowProblemMessage(
  rowNumber: number,
  column: TemplateColumnKey,
  what: string,
): string {
  return `Row ${rowNumber}, ${TEMPLATE_COLUMN_LABELS[column]}: ${what}`;
}

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return restoreNeutralisedCell(String(value)).trim();
}

/**
 * Checks one row on its own (no memory of other rows). `rowNumber` is the spreadsheet row
 * (header = row 1). Repeats within a file are the engine's (CheckedRows, key indexes).
 */
export function checkImportRow(
  rowNumber: number,
  cells: ImportRowCells,
  context: ImportRowRulesContext = {},
): ImportRowCheck {
  return checkImportRowWithKeys(rowNumber, cells, context).check;
}

/** Problems of one row, collected without a closure (this runs for every row of a big file). */
class ProblemList {
  readonly problems: ImportRowProblem[] = [];
  constructor(private readonly rowNumber: number) {}

  add(column: TemplateColumnKey, what: string, kind: ImportRowProblemKind = 'invalid'): void {
    this.problems.push({ column, kind, message: rowProblemMessage(this.rowNumber, column, what) });
  }
}

function checkName(
  problems: ProblemList,
  column: 'firstName' | 'lastName',
  value: string | null | undefined,
): string {
  const text = cellText(value);
  if (text === '') problems.add(column, 'is required.');
  else if (text.length > MAX_NAME_LENGTH)
    problems.add(column, `is longer than ${MAX_NAME_LENGTH} characters.`);
  else if (hasControlCharacter(text)) {
    problems.add(column, 'contains a line break, tab or other control character; remove it.');
  } else if (looksLikeFormula(text)) {
    problems.add(
      column,
      `"${text}" starts with "${formulaTrigger(text)}", which spreadsheets run as a formula; remove that character.`,
    );
  }
  return text;
}

/** `checkImportRow` plus the row's normalised contact and number, each computed once. */
export function checkImportRowWithKeys(
  rowNumber: number,
  cells: ImportRowCells,
  context: ImportRowRulesContext = {},
): { check: ImportRowCheck; keys: ImportRowKeys } {
  const list = new ProblemList(rowNumber);
  const firstName = checkName(list, 'firstName', cells.firstName);
  const lastName = checkName(list, 'lastName', cells.lastName);

  let contact: { contact: string; contactType: ContactType } | null = null;
  const contactText = cellText(cells.contact);
  if (contactText === '')
    list.add(
      'contact',
      'is required: enter an email address or a device number with its country code.',
    );
  else {
    const checked = normaliseContact(contactText);
    if (checked.ok) contact = { contact: checked.contact, contactType: checked.contactType };
    else list.add('contact', checked.message);
  }
  if (contact && context.existingContacts?.has(contact.contact)) {
    list.add('contact', `${contact.contact} already has an account.`, 'duplicate');
  }

  const maxLines = context.maxLinesAllowed ?? DEFAULT_MAX_LINES_ALLOWED;
  let linesAllowed = DEFAULT_LINES_ALLOWED;
  const linesText = cellText(cells.linesAllowed);
  if (linesText !== '') {
    const value = /^\d+$/.test(linesText) ? Number(linesText) : NaN;
    if (Number.isInteger(value) && value >= 1 && value <= maxLines) linesAllowed = value;
    else list.add('linesAllowed', `"${linesText}" must be a whole number from 1 to ${maxLines}.`);
  }

  let permissionProfile: string | null = null;
  const profileText = cellText(cells.permissionProfile);
  if (profileText !== '') {
    if (context.permissionProfileNames === undefined) permissionProfile = profileText;
    else {
      const wanted = profileText.toLowerCase();
      const found = context.permissionProfileNames.find((n) => n.trim().toLowerCase() === wanted);
      if (found === undefined) {
        list.add(
          'permissionProfile',
          `there is no permission profile named "${profileText}" for this organization.`,
        );
      } else permissionProfile = found;
    }
  }

  let number: string | null = null;
  const numberText = cellText(cells.number);
  if (numberText !== '') {
    const checked = normaliseDeviceNumber(numberText);
    if (checked.ok) number = checked.number;
    else list.add('number', checked.message);
  }
  if (number !== null && context.poolNumbers) {
    const state = context.poolNumbers.get(number)?.toLowerCase();
    if (state === undefined) list.add('number', `${number} is not in this organization's pool.`);
    else if (!ASSIGNABLE_STATES.has(state)) {
      list.add('number', `${number} is ${state}; choose an Available or Reserved number.`);
    }
  }

  const keys = { contact: contact?.contact ?? null, number };
  const problems = list.problems;
  if (problems.length > 0 || contact === null) {
    return { check: { ok: false, row: null, problems }, keys };
  }
  return {
    check: {
      ok: true,
      row: { firstName, lastName, ...contact, linesAllowed, permissionProfile, number },
      problems: [],
    },
    keys,
  };
}

/** True when trim() would leave the text as it is: printable ASCII ends settle it without a copy. */
function isTrimmed(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return true;
  return text.trim() === text;
}

/**
 * A name the name rules pass, but for its length: no control character, no blank at either end,
 * and not starting with what makes the full rules look closer (a formula trigger, an apostrophe).
 * A regular expression, as names are often slices of a file's text, which V8's regular
 * expressions read far faster than a character loop.
 */
const PLAIN_NAME =
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  /^[^\s\u0000-\u001f\u007f=+\-@'＝＋－＠](?:[^\u0000-\u001f\u007f]*[^\s\u0000-\u001f\u007f])?$/;

/** A trimmed name every name rule passes: 1–100 characters, no control character, no formula start. */
function isPlainName(text: string): boolean {
  return text.length <= MAX_NAME_LENGTH && PLAIN_NAME.test(text);
}

/**
 * The common case of a big file at a glance: trimmed cells holding two plain names, an email or a
 * device number, at most a one-digit line count and nothing else. Answers the row's normalised
 * contact when every rule passes (exactly what `checkImportRowWithKeys` would answer), or null
 * when the row needs the full rules — which then decide.
 */
export function plainRowContact(
  cells: ImportRowCells,
  context: ImportRowRulesContext,
): string | null {
  const { firstName, lastName, contact, linesAllowed, permissionProfile, number } = cells;
  return plainContactOf(
    firstName,
    lastName,
    contact,
    linesAllowed,
    permissionProfile,
    number,
    context,
  );
}

/** `plainRowContact` over the six cells one by one: a file's record needs no object made a row. */
export function plainContactOf(
  firstName: ImportRowCells['firstName'],
  lastName: ImportRowCells['lastName'],
  contact: ImportRowCells['contact'],
  linesAllowed: ImportRowCells['linesAllowed'],
  permissionProfile: ImportRowCells['permissionProfile'],
  number: ImportRowCells['number'],
  context: ImportRowRulesContext,
): string | null {
  if (typeof firstName !== 'string' || !isPlainName(firstName)) return null;
  if (typeof lastName !== 'string' || !isPlainName(lastName)) return null;
  if (permissionProfile || number) return null;
  if (linesAllowed !== '' && linesAllowed !== undefined && linesAllowed !== null) {
    if (typeof linesAllowed !== 'string' || linesAllowed.length !== 1) return null;
    const lines = linesAllowed.charCodeAt(0) - 0x30;
    if (lines < 1 || lines > 9 || lines > (context.maxLinesAllowed ?? DEFAULT_MAX_LINES_ALLOWED))
      return null;
  }
  if (typeof contact !== 'string' || contact.length === 0) return null;
  // An apostrophe may neutralise a formula, and blanks are the full rules' to trim.
  if (contact.charCodeAt(0) === 0x27 || !isTrimmed(contact)) return null;
  let key: string | null;
  if (contact.indexOf('@') >= 0) {
    // Already lower-case and plausible is the common case: no lower-cased copy is made for it.
    if (isPlausibleEmail(contact)) key = contact;
    else {
      const lower = contact.toLowerCase();
      key = lower !== contact && isPlausibleEmail(lower) ? lower : null;
    }
  } else {
    // A device number: the very rule the full check applies to a contact.
    key = deviceNumberOf(contact);
  }
  if (key === null || context.existingContacts?.has(key)) return null;
  return key;
}

/** A remark on a cell that is no problem: the row can be imported as it is. */
export type RowWarning = { column: TemplateColumnKey; message: string };

/**
 * Names a spreadsheet would run as a formula: stored as text, neutralised in every CSV written.
 * Said once: a name the row rules already refuse (the service refuses them too) has no warning.
 */
export function formulaWarnings(
  rowNumber: number,
  names: { firstName: string; lastName: string },
  problems: readonly ImportRowProblem[],
): RowWarning[] | undefined {
  let warnings: RowWarning[] | undefined;
  for (const column of ['firstName', 'lastName'] as const) {
    const trigger = formulaTrigger(names[column]);
    if (trigger === null || problems.some((problem) => problem.column === column)) continue;
    (warnings ??= []).push({
      column,
      message: rowProblemMessage(
        rowNumber,
        column,
        `starts with "${trigger}" and looks like a spreadsheet formula; Linedesk keeps it as text and neutralises it in every CSV it writes.`,
      ),
    });
  }
  return warnings;
}

/** `duplicate` when every problem of a row is a repeat of a contact, else `invalid`. */
export function rowOutcomeOf(problems: readonly ImportRowProblem[]): ImportRowProblemKind {
  return problems.length > 0 && problems.every((p) => p.kind === 'duplicate')
    ? 'duplicate'
    : 'invalid';
}
