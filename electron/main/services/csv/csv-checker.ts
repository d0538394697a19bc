// `npm run csv -- check FILE [--json] [--metadata META.json]`: the engine with no app, for admins
// who check HR exports in scripts. Exit 0 all valid, 1 some rows with problems, 2 a file error or
// bad arguments. JSON rows are written in batches, so a million rows never sit in one string.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkMetadataSchema, rulesContextOf } from '../../../../common/csv/check-metadata';
import type { CheckedRowView } from '../../../../common/csv/checked-rows';
import { CSV_DELIMITER_LABELS, CSV_ENCODING_LABELS } from '../../../../common/csv/file-check';
import type { ImportRowRulesContext } from '../../../../common/csv/row-rules';
import { TEMPLATE_COLUMN_LABELS } from '../../../../common/csv/template';
import { checkCsvFile } from './check-csv-file';

export interface CheckerOutput {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'Usage: npm run csv -- check FILE [--json] [--metadata META.json]';
const SHOWN_PROBLEMS = 50;
const count = (n: number): string => n.toLocaleString('en-US');

/** One row as the checker's JSON shows it: column names as the template's header, contact normalised. */
export function checkerRow(row: CheckedRowView) {
  const label = (column: keyof typeof TEMPLATE_COLUMN_LABELS) => TEMPLATE_COLUMN_LABELS[column];
  return {
    row: row.row,
    values: { ...row.values, contact: row.normalisedContact ?? row.values.contact },
    problems: row.problems.map((p) => ({ column: label(p.column), message: p.message })),
    warnings: row.warnings.map((w) => ({ column: label(w.column), message: w.message })),
  };
}

async function loadMetadata(file: string): Promise<ImportRowRulesContext> {
  const parsed = checkMetadataSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a metadata file: ${parsed.error.message}`);
  return rulesContextOf(parsed.data);
}

/** Runs the checker with command-line arguments; answers the exit code. */
export async function runCsvChecker(argv: string[], io: CheckerOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, metadata: { type: 'string' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, file, ...extra] = parsed.positionals;
  if (command !== 'check' || !file || extra.length > 0) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  let context: ImportRowRulesContext = {};
  try {
    if (parsed.values.metadata) context = await loadMetadata(parsed.values.metadata);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  let result;
  try {
    result = await checkCsvFile(file, context);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    io.err(`${file} could not be read (${code}).\n`);
    return 2;
  }
  // Nothing cancels the headless check; the engine's cancelled outcome never comes here.
  if (!result.ok && 'cancelled' in result) return 2;
  const json = parsed.values.json === true;
  const name = path.basename(file);

  if (!result.ok) {
    if (json) {
      io.out(
        `${JSON.stringify({
          fileError: result.error,
          encoding: result.encoding,
          delimiter: result.delimiter,
          notices: [],
          summary: { rows: 0, valid: 0, invalid: 0 },
          rows: [],
        })}\n`,
      );
    } else io.out(`${name}: ${result.error.message}\n`);
    return 2;
  }

  const counts = result.rows.counts();
  const summary = { rows: counts.rows, valid: counts.valid, invalid: counts.invalid };
  if (json) {
    const head = {
      fileError: null,
      encoding: result.encoding,
      delimiter: result.delimiter,
      notices: result.notices,
      summary,
    };
    io.out(`${JSON.stringify(head).slice(0, -1)},"rows":[`);
    let batch: string[] = [];
    let first = true;
    for (const row of result.rows.entries()) {
      batch.push(JSON.stringify(checkerRow(row)));
      if (batch.length === 1000) {
        io.out((first ? '' : ',') + batch.join(','));
        first = false;
        batch = [];
      }
    }
    if (batch.length > 0) io.out((first ? '' : ',') + batch.join(','));
    io.out(']}\n');
  } else {
    io.out(
      `${name}: ${CSV_ENCODING_LABELS[result.encoding]}, ${CSV_DELIMITER_LABELS[result.delimiter]}-separated\n`,
    );
    for (const notice of result.notices) io.out(`Note: ${notice.message}\n`);
    let shown = 0;
    for (const row of result.rows.entries()) {
      for (const problem of row.problems) {
        if (shown < SHOWN_PROBLEMS) io.out(`${problem.message}\n`);
        shown += 1;
      }
    }
    if (shown > SHOWN_PROBLEMS) io.out(`and ${count(shown - SHOWN_PROBLEMS)} more\n`);
    if (counts.warnings > 0)
      io.out(`${count(counts.warnings)} ${counts.warnings === 1 ? 'row' : 'rows'} with warnings\n`);
    io.out(
      `${count(counts.rows)} rows: ${count(counts.valid)} valid, ${count(counts.invalid)} with problems\n`,
    );
  }
  return counts.invalid > 0 ? 1 : 0;
}
