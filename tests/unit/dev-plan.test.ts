// `npm run dev`: what it starts, and that the dev server's origin reaches the service's CORS list
// only through the dev run — never through the service's own configuration.
import { describe, expect, it } from 'vitest';
import { devPlan, devServerOrigin } from '../../scripts/dev-plan';
import { loadConfig } from '../../server/config';

const bin = (name: string) => `/bin/${name}`;

describe('npm run dev', () => {
  it('serves the renderer with Vite and restarts the service on change', () => {
    const plan = devPlan({ electron: null, bin, env: { PATH: '/usr/bin' } });
    expect(plan.map((entry) => entry.name)).toEqual(['renderer', 'service']);
    const [renderer, service] = plan;
    expect(renderer?.command).toBe('/bin/vite');
    expect(renderer?.args).toEqual(['--host', '127.0.0.1', '--port', '5173', '--strictPort']);
    expect(service?.command).toBe('/bin/tsx');
    expect(service?.args.slice(0, 3)).toEqual(['watch', '--clear-screen=false', 'server/cli.ts']);
  });

  it('lets the service allow exactly the desktop app and the dev server', () => {
    const env = { PATH: '/usr/bin' };
    const service = devPlan({ electron: null, bin, env }).find((entry) => entry.name === 'service');
    expect(devServerOrigin).toBe('http://127.0.0.1:5173');
    expect(loadConfig([], service!.env).allowedOrigins).toEqual([
      'app://linedesk',
      devServerOrigin,
    ]);
    // The caller's environment is left alone, and without the dev run no dev origin is allowed.
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(loadConfig([], env).allowedOrigins).toEqual(['app://linedesk']);
  });

  it('opens Electron on the dev server once it answers, when the binary exists', () => {
    const plan = devPlan({
      electron: '/opt/electron',
      bin,
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const desktop = plan.find((entry) => entry.name === 'desktop');
    expect(desktop?.command).toBe('/opt/electron');
    expect(desktop?.env.LINEDESK_RENDERER_URL).toBe(`${devServerOrigin}/`);
    expect(desktop?.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
    expect(desktop?.waitFor).toBe(devServerOrigin);
    expect(desktop?.buildFirst).toEqual(['--only', 'main,preload,server']);
    expect(plan.find((entry) => entry.name === 'renderer')?.env.LINEDESK_RENDERER_URL).toBe(
      undefined,
    );
  });
});
