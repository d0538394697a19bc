// The service's cold start: a new process on an empty data folder until it answers "listening on".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { figure, type BenchModule } from './bench-module';
import { percentile } from './measure';

const root = path.join(import.meta.dirname, '..');

/** Milliseconds from spawning `npm run server` on an empty folder to its "listening on" line. */
function coldStartMs(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-start-'));
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--data-dir', dataDir],
    {
      cwd: root,
      env: {
        ...process.env,
        LINEDESK_ADMIN_EMAIL: 'bench@example.test',
        LINEDESK_ADMIN_PASSWORD: 'bench password that is long enough',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => child.kill(), 60_000);
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('listening on')) {
        const ms = performance.now() - start;
        clearTimeout(timer);
        child.kill();
        child.on('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve(ms);
        });
      }
    });
    child.on('exit', (code) => {
      if (!output.includes('listening on')) {
        clearTimeout(timer);
        rmSync(dataDir, { recursive: true, force: true });
        reject(new Error(`the service exited (${code}) before listening`));
      }
    });
  });
}

export const startupSizeBench: BenchModule = {
  name: 'cold start',
  async run(context) {
    const starts: number[] = [];
    for (let i = 0; i < (context.quick ? 2 : 5); i += 1) starts.push(await coldStartMs());
    return [
      figure(
        'service.coldStartMs',
        percentile(starts, 50),
        'ms',
        `A new service process on an empty data folder (schema, bootstrap administrator) until it listens; median of ${starts.length}, through tsx.`,
      ),
    ];
  },
};
