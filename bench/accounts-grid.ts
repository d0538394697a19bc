// The accounts grid in Chromium at size (quick: 20,000 accounts; full: 100,000): the renderer as
// built, signed in through the Playwright bridge harness, then timed from navigating to Accounts to
// its first rows, and the table rows kept in the DOM. Also the renderer's built size.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { seedManyAccounts } from '../server/demo/seed-accounts';
import { installBridge } from '../tests/e2e/support/bridge-harness';
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

export const accountsGridBench: BenchModule = {
  name: 'accounts grid',
  async run(context) {
    const count = context.quick ? 20_000 : 100_000;
    const app = await buildAndServeRenderer();
    const bundleKb = sizeOf(app.dir) / 1024;
    const bench = await startBenchService({
      config: { allowedOrigins: [new URL(app.url).origin] },
    });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      await seedManyAccounts(bench.service.deps, count);
      process.env.LINEDESK_E2E_APP_URL = app.url;
      process.env.LINEDESK_E2E_SERVICE_URL = bench.url;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const bridge = await installBridge(page);
      try {
        await signInAsBench(page, app.url, bench.url);
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
          // Where the time goes: each request of one more navigation, from its start.
          const start = performance.now();
          const seen: string[] = [];
          page.on('requestfinished', (request) => {
            const timing = request.timing();
            seen.push(
              `${(performance.now() - start).toFixed(0)} ms done, ${timing.responseEnd.toFixed(0)} ms long: ${request.url().replace(bench.url, '')}`,
            );
          });
          await page.evaluate("location.hash = '#/settings'");
          await page.locator(rows).first().waitFor({ state: 'detached' });
          seen.push(`--- settings shown at ${(performance.now() - start).toFixed(0)} ms`);
          await page.evaluate("location.hash = '#/accounts'");
          await page.locator(rows).first().waitFor({ timeout: 60_000 });
          seen.push(`--- first rows at ${(performance.now() - start).toFixed(0)} ms`);
          console.log(seen.join('\n'));
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
      await bench.close();
      await app.close();
    }
  },
};
