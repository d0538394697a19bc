// Starts the bundled provisioning service with Electron's utilityProcess (the packaged app has
// no separate Node; RunAsNode is fused off), giving the same ServiceChild as a Node child process.
import type { UtilityProcess } from 'electron';
import type { ServiceLauncher } from '../services/service-launcher';

export function createUtilityProcessLauncher(options: {
  fork: (modulePath: string, args: string[], forkOptions: Electron.ForkOptions) => UtilityProcess;
  /** dist/server/cli.js inside the app. */
  entry: string;
}): ServiceLauncher {
  return ({ args, env }) => {
    const child = options.fork(options.entry, args, {
      env,
      stdio: 'pipe',
      serviceName: 'Linedesk provisioning service',
    });
    return {
      stdout: child.stdout,
      stderr: child.stderr,
      kill: () => child.kill(),
      once: (event, listener) => child.once(event, listener),
    };
  };
}
