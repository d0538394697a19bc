// `npm start`: builds the app and opens it in Electron. Where the Electron binary was never
// downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD machines) it says so in one sentence and runs the
// provisioning service with demo data instead, so the command is still useful.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const extraArgs = process.argv.slice(2);

/** The Electron executable, or null when the npm package has no binary. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs a child with our terminal; Ctrl+C reaches it, and its exit code becomes ours. */
function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (!electron) {
  console.log(
    'The Electron binary is not installed here (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD), so the desktop window cannot open; starting the provisioning service with demo data instead.',
  );
  run(process.execPath, [require.resolve('tsx/cli'), 'server/cli.ts', '--demo', ...extraArgs]);
} else {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Electron must never inherit a request to behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, ['.', ...extraArgs], env);
}
