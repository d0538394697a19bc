// The renderer in Chromium for the benchmarks: built as for the app into a temp folder, served,
// and signed in to a bench service through the Sign in screen with the Playwright bridge harness.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { serveStatic } from '../tests/e2e/support/static-server';
import { benchCredentials } from './bench-service';

const root = path.join(import.meta.dirname, '..');

export interface BenchRenderer {
  /** The folder the renderer was built into. */
  dir: string;
  /** Where it is served (`http://127.0.0.1:<port>`). */
  url: string;
  close(): Promise<void>;
}

/** Builds the renderer (vite build) into a temp folder and serves it. */
export async function buildAndServeRenderer(): Promise<BenchRenderer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-renderer-'));
  execFileSync(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--logLevel', 'error', '--outDir', dir, '--emptyOutDir'],
    { cwd: root, stdio: 'ignore' },
  );
  const app = await serveStatic(dir);
  return {
    dir,
    url: app.url,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the Sign in screen as the bench administrator (the bridge already installed). */
export async function signInAsBench(page: Page, appUrl: string, serviceUrl: string): Promise<void> {
  await page.goto(`${appUrl}/index.html#/sign-in`);
  await page.getByTestId('profile-select').waitFor();
  await page.getByTestId('service-url').getByRole('textbox').fill(serviceUrl);
  await page.getByTestId('connection-name').getByRole('textbox').fill('Bench');
  await page.getByTestId('email').getByRole('textbox').fill(benchCredentials.email);
  await page.getByTestId('password').getByRole('textbox').fill(benchCredentials.password);
  await page.getByTestId('sign-in').click();
}
