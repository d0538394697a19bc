// The accounts grid in Chromium at size (quick: 20,000 accounts; full: 100,000): the renderer as
// built, signed in through the Playwright bridge harness to a service in its own process (as the
// app runs it), then timed from navigating to Accounts to its first rows, and the table rows kept
// in the DOM. Also the renderer's built size.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { seedManyAccounts } from '../server/demo/seed-accounts';
import { installBridge } from '../tests/e2e/support/bridge-harness';
import { startServiceProcess } from '../tests/e2e/support/service-process';
import { figure, type BenchModule } from './bench-module';
import { buildAndServeRenderer, signInAsBench } from './bench-renderer';
import { startBenchService } from './bench-service';
import { percentile } from './measure';

function sizeOf(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(js|css)$/.test(entry.name))
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

const rows = '[data-testid="accounts-table"] tbody tr.v-data-table__tr';

/**
 * Navigates to Accounts inside the page and answers when, from the navigation, the table mounted,
 * the list and counts requests left and were answered (Resource Timing), the first rows were in the
 * DOM and the next frame began. A string: the bench's TypeScript transform would add helpers
 * the page does not have.
 */
const breakdownScript = `new Promise((resolve) => {
  performance.clearResourceTimings();
  const t0 = performance.now();
  const at = {};
  const since = (t) => Math.round(t - t0);
  const observer = new MutationObserver(() => {
    if (at.tableMounted === undefined && document.querySelector('[data-testid="accounts-table"]'))
      at.tableMounted = since(performance.now());
    if (at.rowsInDom !== undefined || !document.querySelector('${rows}')) return;
    at.rowsInDom = since(performance.now());
    observer.disconnect();
    requestAnimationFrame(() => (at.nextFrame = since(performance.now())));
    setTimeout(() => {
      for (const entry of performance.getEntriesByType('resource')) {
        const name = entry.name.includes('/accounts/counts') ? 'counts' : entry.name.includes('/accounts?') ? 'list' : null;
        if (!name) continue;
        at[name + 'Asked'] = since(entry.startTime);
        at[name + 'Answered'] = since(entry.responseEnd);
      }
      resolve('in the page, ms after navigating: ' + JSON.stringify(at));
    }, 500);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  location.hash = '#/accounts';
})`;

export const accountsGridBench: BenchModule = {
  name: 'accounts grid',
  async run(context) {
    const count = context.quick ? 20_000 : 100_000;
    const app = await buildAndServeRenderer();
    const bundleKb = sizeOf(app.dir) / 1024;
    // Seeded here, then served by `npm run server` in a process of its own: in the app the service
    // never shares an event loop with the window's driver (here Playwright and the bridge harness).
    const dataDir = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-grid-'));
    const seeding = await startBenchService({ dataDir, keepDataDir: true });
    await seedManyAccounts(seeding.service.deps, count);
    await seeding.close();
    const service = await startServiceProcess({
      demo: false,
      dataDir,
      env: { LINEDESK_ALLOWED_ORIGINS: new URL(app.url).origin },
    });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      process.env.LINEDESK_E2E_APP_URL = app.url;
      process.env.LINEDESK_E2E_SERVICE_URL = service.url;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const bridge = await installBridge(page);
      try {
        await signInAsBench(page, app.url, service.url);
        await page.locator(rows).first().waitFor({ timeout: 60_000 });
        const times: number[] = [];
        const requestTimes: number[] = [];
        for (let i = 0; i < (context.quick ? 3 : 7); i += 1) {
          await page.evaluate("location.hash = '#/settings'");
          await page.locator(rows).first().waitFor({ state: 'detached' });
          let requestAt: number | null = null;
          const onRequest = (request: { url(): string }) => {
            if (requestAt === null && request.url().includes('/api/v1/accounts?'))
              requestAt = performance.now();
          };
          page.on('request', onRequest);
          const answered = page.waitForResponse((response) =>
            response.url().includes('/api/v1/accounts?'),
          );
          const start = performance.now();
          await page.evaluate("location.hash = '#/accounts'");
          await page.locator(rows).first().waitFor({ timeout: 60_000 });
          times.push(performance.now() - start);
          await answered;
          page.off('request', onRequest);
          if (requestAt !== null) requestTimes.push((requestAt as number) - start);
        }
        if (process.env.LINEDESK_BENCH_VERBOSE) {
          // Where the time goes: one more navigation timed inside the page.
          await page.evaluate("location.hash = '#/settings'");
          await page.locator(rows).first().waitFor({ state: 'detached' });
          console.log(await page.evaluate(breakdownScript));
        }
        const domRows = await page.locator('[data-testid="accounts-table"] tbody tr').count();
        return [
          figure(
            'grid.firstRowsMs',
            percentile(times, 50),
            'ms',
            `Chromium, ${count.toLocaleString('en')} accounts (SQLite): from navigating to Accounts to its first rows in the table, median of ${times.length} (target ≤ 300 ms).`,
          ),
          figure(
            'grid.firstRequestMs',
            percentile(requestTimes, 50),
            'ms',
            'From navigating to Accounts to the renderer asking for its first page (the part of the first rows spent in the renderer before the service is asked), median.',
          ),
          figure(
            'grid.domRows',
            domRows,
            'rows',
            'Table rows in the DOM once the first page is shown (target: at most ~100).',
          ),
          figure(
            'renderer.bundleKb',
            bundleKb,
            'KiB',
            'The renderer as built for the app: every JavaScript and CSS file, uncompressed (fonts and images not counted).',
          ),
        ];
      } finally {
        await bridge.dispose();
      }
    } finally {
      await browser.close();
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await app.close();
    }
  },
};
