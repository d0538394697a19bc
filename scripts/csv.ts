// `npm run csv -- check FILE [--json] [--metadata META.json]`: the CSV engine's headless checker.
import { runCsvChecker } from '../electron/main/services/csv/csv-checker';

// A reader that stops early (`| head`) closes the pipe: the rest of the output has nowhere to go,
// which is no error of the file's — the exit code still says what the check found.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const code = await runCsvChecker(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
