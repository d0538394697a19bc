// `npm run csv -- check FILE [--json] [--metadata META.json]`: the CSV engine's headless checker.
import { runCsvChecker } from '../electron/main/services/csv/csv-checker';

const code = await runCsvChecker(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
