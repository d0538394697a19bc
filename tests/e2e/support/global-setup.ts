// Global setup of the end-to-end run: builds the renderer, serves it, starts one real provisioning service
// process with demo data, and publishes both addresses to the tests. Returns the teardown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrapAdministrator } from './e2e-env';
import { startServiceProcess } from './service-process';
import { serveStatic } from './static-server';

/**
 * Where this run's renderer lives. By default a private temp folder: several engineers' runs at once must
 * never replace each other's chunks mid-test. LINEDESK_E2E_RENDERER_DIR names a folder to build into
 * (kept afterwards); LINEDESK_E2E_SKIP_BUILD=1 serves an existing build (that folder, or dist/renderer).
 */
function rendererFolder(): { dir: string; build: boolean; cleanup: () => void } {
  const named = process.env.LINEDESK_E2E_RENDERER_DIR;
  if (process.env.LINEDESK_E2E_SKIP_BUILD === '1') {
    return { dir: path.resolve(named ?? 'dist/renderer'), build: false, cleanup: () => {} };
  }
  if (named) return { dir: path.resolve(named), build: true, cleanup: () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-e2e-renderer-'));
  return { dir, build: true, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const renderer = rendererFolder();
  if (renderer.build) {
    const build = spawnSync(
      path.resolve('node_modules/.bin/vite'),
      ['build', '--logLevel', 'warn', '--outDir', renderer.dir, '--emptyOutDir'],
      { stdio: 'inherit', env: process.env },
    );
    if (build.status !== 0) {
      renderer.cleanup();
      throw new Error('The renderer build failed; see the output above.');
    }
  }
  const app = await serveStatic(renderer.dir, Number(process.env.LINEDESK_E2E_APP_PORT ?? 0));
  process.env.LINEDESK_E2E_APP_URL = app.url;
  const preset = process.env.LINEDESK_E2E_SERVICE_URL;
  if (preset) {
    console.log(`e2e: renderer at ${app.url}, using the running service at ${preset}`);
    return async () => {
      await app.close();
      renderer.cleanup();
    };
  }
  const service = await startServiceProcess({
    env: {
      LINEDESK_ADMIN_EMAIL: bootstrapAdministrator.email,
      LINEDESK_ADMIN_PASSWORD: bootstrapAdministrator.password,
      LINEDESK_ALLOWED_ORIGINS: app.url,
    },
  });
  process.env.LINEDESK_E2E_SERVICE_URL = service.url;
  console.log(`e2e: renderer at ${app.url}, service at ${service.url}`);
  return async () => {
    await service.stop();
    await app.close();
    renderer.cleanup();
  };
}
