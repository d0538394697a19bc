// The import wizard in Chromium on a large file (100,000 rows; quick: 20,000): from choosing the
// file in the Open dialog to the first review rows on screen, and the part of it after main's
// check answered (the first page of rows asked from main and drawn).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { installBridge } from '../tests/e2e/support/bridge-harness';
import { figure, type BenchModule } from './bench-module';
import { buildAndServeRenderer, signInAsBench } from './bench-renderer';
import { startBenchService } from './bench-service';
import { writeStaffCsv } from './csv-check';
import { percentile } from './measure';

const firstRow = '[data-testid="review-row-2"]';

export const importWizardBench: BenchModule = {
  name: 'wizard',
  async run(context) {
    const rows = context.quick ? 20_000 : 100_000;
    const tries = 3;
    const dir = mkdtempSync(path.join(tmpdir(), 'linedesk-bench-wizard-'));
    const file = path.join(dir, 'staff.csv');
    writeStaffCsv(file, rows);
    const app = await buildAndServeRenderer();
    const bench = await startBenchService({
      config: { allowedOrigins: [new URL(app.url).origin] },
    });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      process.env.LINEDESK_E2E_APP_URL = app.url;
      process.env.LINEDESK_E2E_SERVICE_URL = bench.url;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const bridge = await installBridge(page);
      // When main's check answered: the rest is the page asking for rows and drawing them.
      const csv = bridge.services.csv;
      const openByDialog = csv.openByDialog.bind(csv);
      let checkedAt = 0;
      csv.openByDialog = async (organizationId) => {
        const result = await openByDialog(organizationId);
        checkedAt = performance.now();
        return result;
      };
      try {
        await signInAsBench(page, app.url, bench.url);
        await page.getByTestId('accounts-table').waitFor({ timeout: 60_000 });
        await page.getByTestId('nav-import').click();
        const total: number[] = [];
        const afterCheck: number[] = [];
        for (let i = 0; i < tries; i += 1) {
          await page.getByTestId('setup-next').click();
          bridge.nextOpenFile = file;
          const start = performance.now();
          await page.getByTestId('open-file').click();
          await page.locator(firstRow).waitFor({ timeout: 600_000 });
          const shown = performance.now();
          total.push(shown - start);
          afterCheck.push(shown - checkedAt);
          await page.getByTestId('start-over').click();
        }
        const label = rows.toLocaleString('en');
        return [
          figure(
            'wizard.firstReviewRowsMs',
            percentile(total, 50),
            'ms',
            `Chromium, a ${label}-row CSV chosen in the Open dialog until its first review rows are on screen (main reads, decodes and checks every row first), median of ${tries}.`,
          ),
          figure(
            'wizard.firstRowsAfterCheckMs',
            percentile(afterCheck, 50),
            'ms',
            `Of that, the time after main's check answered: the first page of rows asked from main and drawn, median of ${tries} (target ≤ 300 ms).`,
          ),
        ];
      } finally {
        await bridge.dispose();
      }
    } finally {
      await browser.close();
      await bench.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
