// Global setup of the end-to-end run: builds the renderer, serves it, starts one real provisioning service
// process with demo data, and publishes both addresses to the tests. Returns the teardown.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bootstrapAdministrator } from './e2e-env';
import { startServiceProcess } from './service-process';
import { serveStatic } from './static-server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  // LINEDESK_E2E_RENDERER_DIR: a private build folder, so runs of several engineers at once do not
  // replace each other's chunks mid-test (ADMIN-SCREENS addition).
  const rendererDir = process.env.LINEDESK_E2E_RENDERER_DIR ?? 'dist/renderer';
  if (process.env.LINEDESK_E2E_SKIP_BUILD !== '1') {
    const build = spawnSync(
      path.resolve('node_modules/.bin/vite'),
      ['build', '--logLevel', 'warn', '--outDir', path.resolve(rendererDir), '--emptyOutDir'],
      {
        stdio: 'inherit',
        env: process.env,
      },
    );
    if (build.status !== 0) throw new Error('The renderer build failed; see the output above.');
  }
  const app = await serveStatic(rendererDir, Number(process.env.LINEDESK_E2E_APP_PORT ?? 0));
  process.env.LINEDESK_E2E_APP_URL = app.url;
  const preset = process.env.LINEDESK_E2E_SERVICE_URL;
  if (preset) {
    console.log(`e2e: renderer at ${app.url}, using the running service at ${preset}`);
    return () => app.close();
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
  };
}
