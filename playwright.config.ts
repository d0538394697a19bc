// Playwright: the renderer end to end on Debian's Chromium, against a real provisioning service process
// (started by the global setup) with window.linedesk routed to the main-process services in the test process.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  // The machine has two cores and the service is shared by the run: at most two browsers at once.
  workers: 2,
  fullyParallel: false,
  // Generous waits: the machine is shared and often far busier than its two cores (waits, not time limits).
  timeout: 240_000,
  expect: { timeout: 45_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 45_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
