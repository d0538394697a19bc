// What `npm run dev` starts, as data (tested in tests/unit/dev-plan.test.ts): the Vite dev server
// with live reload for the renderer, the provisioning service restarted on change by tsx watch,
// and — where the Electron binary exists — the desktop app loading the renderer from Vite.

/** One process of the dev run. */
export interface DevProcess {
  name: 'renderer' | 'service' | 'desktop';
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Arguments of scripts/build.mjs to run before this process starts. */
  buildFirst?: string[];
  /** An address that must answer before this process starts. */
  waitFor?: string;
}

/** What a dev run is planned from. */
export interface DevPlanInput {
  /** The Electron executable, or null when this machine has none. */
  electron: string | null;
  /** The path of a node_modules/.bin tool. */
  bin: (name: string) => string;
  /** The caller's environment (never changed). */
  env: NodeJS.ProcessEnv;
  servicePort?: number;
  dataDir?: string;
}

/** The dev server's address; the service allows exactly this browser origin, in this run only. */
export const devServer = { host: '127.0.0.1', port: 5173 };

/** The origin of the Vite dev server. */
export const devServerOrigin = `http://${devServer.host}:${devServer.port}`;

/** The desktop app's own origin, which the service always allows (server/config.ts). */
const appOrigin = 'app://linedesk';

/** The processes of a dev run, in start order. */
export function devPlan({
  electron,
  bin,
  env,
  servicePort = 8787,
  dataDir = '.linedesk/dev',
}: DevPlanInput): DevProcess[] {
  const processes: DevProcess[] = [
    {
      name: 'renderer',
      command: bin('vite'),
      args: ['--host', devServer.host, '--port', String(devServer.port), '--strictPort'],
      env,
    },
    {
      name: 'service',
      command: bin('tsx'),
      args: [
        'watch',
        '--clear-screen=false',
        'server/cli.ts',
        '--demo',
        '--port',
        String(servicePort),
        '--data-dir',
        dataDir,
      ],
      // The dev origin is added here, for this process only: the service's own defaults never
      // allow a development origin.
      env: { ...env, LINEDESK_ALLOWED_ORIGINS: `${appOrigin},${devServerOrigin}` },
    },
  ];
  if (electron) {
    const electronEnv: NodeJS.ProcessEnv = { ...env, LINEDESK_RENDERER_URL: `${devServerOrigin}/` };
    // Electron must never inherit a request to behave as plain Node.
    delete electronEnv.ELECTRON_RUN_AS_NODE;
    processes.push({
      name: 'desktop',
      command: electron,
      args: ['.'],
      env: electronEnv,
      // Main, preload and the bundled local service are built once before Electron starts.
      buildFirst: ['--only', 'main,preload,server'],
      waitFor: devServerOrigin,
    });
  }
  return processes;
}
