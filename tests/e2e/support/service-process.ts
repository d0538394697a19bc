// Starts the real provisioning service (`tsx server/cli.ts --port 0 --demo`) as a child process and waits
// for its `listening on http://HOST:PORT` line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface ServiceProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const readyTimeoutMs = 120_000;

export async function startServiceProcess(options: {
  env: Record<string, string>;
  demo?: boolean;
  /** Start again on an earlier run's data (kept on stop) and port, as after a restart. */
  dataDir?: string;
  port?: number;
}): Promise<ServiceProcess> {
  const dataDir =
    options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'linedesk-e2e-service-')));
  const args = ['server/cli.ts', '--port', String(options.port ?? 0), '--data-dir', dataDir];
  if (options.demo !== false && process.env.LINEDESK_E2E_NO_DEMO !== '1') args.push('--demo');
  const env = { ...process.env, ...options.env };
  delete env.DATABASE_URL; // SQLite in the temp folder: the e2e run never touches a shared database.
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/tsx'), args, {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`The service did not start within ${readyTimeoutMs / 1000}s:\n${output}`)),
      readyTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/+$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The service exited (code ${code}) before listening:\n${output}`));
    });
  });
  // Keep draining the pipes so the child never blocks on a full buffer.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
