// `npm run dev`: the development loop (see scripts/dev-plan.ts for what it starts). Ctrl+C stops
// every process; when one exits, the others are stopped too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { devPlan, devServerOrigin } from './dev-plan';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const bin = (name: string) =>
  fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** The Electron executable, or null when the npm package has no binary. */
function electronBinary(): string | null {
  try {
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Resolves once `url` answers (the dev server is up), or after 60 s. */
async function waitFor(url: string): Promise<void> {
  for (let tries = 0; tries < 120; tries++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

const electron = electronBinary();
const plan = devPlan({ electron, bin, env: process.env });
if (!electron) {
  console.log(
    `The Electron binary is not installed here, so the desktop window cannot open. The renderer is served at ${devServerOrigin}/ for work on screens (without the desktop shell it cannot sign in); the service runs below.`,
  );
}

const children: ChildProcess[] = [];
let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

for (const entry of plan) {
  if (entry.buildFirst) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', ...entry.buildFirst], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) stopAll(build.status ?? 1);
  }
  if (entry.waitFor) await waitFor(entry.waitFor);
  if (stopping) break;
  const child = spawn(entry.command, entry.args, { cwd: root, stdio: 'inherit', env: entry.env });
  child.on('exit', (code) => stopAll(code ?? 0));
  children.push(child);
}
