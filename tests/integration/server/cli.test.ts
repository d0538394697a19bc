// `npm run server` as a real process: the plain `listening on http://HOST:PORT` line on stdout,
// the generated bootstrap password printed once, health over HTTP, clean exit on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface RunningCli {
  child: ChildProcess;
  stdoutLines: string[];
  url: string;
}

function environment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('LINEDESK_') || name === 'DATABASE_URL') delete env[name];
  }
  return env;
}

/** Starts the CLI and resolves once it printed its listening line. */
function startCli(args: string[]): Promise<RunningCli> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['server/cli.ts', ...args], { cwd: root, env: environment() });
    const stdoutLines: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        stdoutLines.push(line);
        const match = /^listening on (http:\/\/\S+)$/.exec(line);
        if (match?.[1]) resolve({ child, stdoutLines, url: match[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`The CLI exited with ${code}: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('server CLI', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'prints the listening line, the generated password once, and serves health',
    { timeout: 90_000 },
    async () => {
      const first = await startCli(['--port', '0', '--data-dir', dataDir]);
      try {
        expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(first.stdoutLines).toContain('bootstrap administrator: admin@linedesk.local');
        const passwordLine = first.stdoutLines.find((line) =>
          line.startsWith('bootstrap password'),
        );
        const password = passwordLine?.split(': ').pop() ?? '';
        expect(password).toMatch(/^[0-9A-Z]{16}$/);
        // JSON logs never share stdout with the plain lines.
        for (const line of first.stdoutLines) expect(line.startsWith('{')).toBe(false);

        const health = await fetch(`${first.url}/api/v1/health`);
        expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
        const login = await fetch(`${first.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@linedesk.local', password }),
        });
        expect(login.status).toBe(200);
      } finally {
        expect(await stop(first.child)).toBe(0);
      }

      const second = await startCli(['--port', '0', '--data-dir', dataDir]);
      try {
        expect(second.stdoutLines.some((line) => line.startsWith('bootstrap'))).toBe(false);
      } finally {
        await stop(second.child);
      }
    },
  );

  it('refuses a bad option with exit code 2 and a usage line', { timeout: 60_000 }, async () => {
    const child = spawn(tsx, ['server/cli.ts', '--port', 'eighty'], {
      cwd: root,
      env: environment(),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--port');
    expect(stderr).toContain('usage:');
  });
});
