// How the provisioning service process is started: a Node child process here (dev, tests, the
// harness), Electron's utilityProcess in the packaged app (see electron/main/modules). Both give
// a ServiceChild: piped stdout/stderr, an exit event and kill().
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export interface ServiceChild {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): boolean;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
}

export interface ServiceLaunch {
  /** CLI arguments, e.g. ['--host', '127.0.0.1', '--port', '0', '--data-dir', DIR]. */
  args: string[];
  env: Record<string, string>;
}

export type ServiceLauncher = (launch: ServiceLaunch) => ServiceChild;

/**
 * Runs the service CLI with this Node: the TypeScript entry through tsx (`server/cli.ts`) or
 * the built bundle (`dist/server/cli.js`).
 */
export function createNodeServiceLauncher(options: {
  entry: string;
  cwd?: string;
  nodePath?: string;
}): ServiceLauncher {
  return ({ args, env }) => {
    const viaTsx = options.entry.endsWith('.ts');
    const tsxCli = viaTsx
      ? createRequire(import.meta.url).resolve('tsx/cli', { paths: [options.cwd ?? process.cwd()] })
      : undefined;
    const argv = tsxCli ? [tsxCli, options.entry, ...args] : [options.entry, ...args];
    return spawn(options.nodePath ?? process.execPath, argv, {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
  };
}
