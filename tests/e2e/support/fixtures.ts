// Playwright fixtures: every test gets a page with `window.linedesk` wired to real main-process services
// (see bridge-harness.ts), the service's REST API as the administrator, and sign-in / screenshot helpers.
import { mkdir } from 'node:fs/promises';
import { test as base, expect, type Page } from '@playwright/test';
import { installBridge, type BridgeHarness } from './bridge-harness';
import { bootstrapAdministrator, e2eEnvironment } from './e2e-env';
import { ServiceApi } from './service-api';

export interface LinedeskFixtures {
  /** false plays a computer whose safeStorage has no backend (set with test.use). */
  vaultAvailable: boolean;
  bridge: BridgeHarness;
  api: ServiceApi;
  /** Opens the app and signs in through the Sign in screen (new connection to the e2e service). */
  signIn: () => Promise<void>;
  /** Saves a full-window screenshot to test-results/screens/<name>.png. */
  snap: (name: string) => Promise<void>;
}

export async function signInThroughUi(
  page: Page,
  serviceUrl = e2eEnvironment().serviceUrl,
): Promise<void> {
  const { appUrl } = e2eEnvironment();
  await page.goto(`${appUrl}/index.html#/sign-in`);
  await page.getByTestId('profile-select').waitFor();
  await page.getByTestId('service-url').getByRole('textbox').fill(serviceUrl);
  await page.getByTestId('connection-name').getByRole('textbox').fill('E2E service');
  await page.getByTestId('email').getByRole('textbox').fill(bootstrapAdministrator.email);
  await page.getByTestId('password').getByRole('textbox').fill(bootstrapAdministrator.password);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('accounts-table')).toBeVisible();
}

export const test = base.extend<LinedeskFixtures>({
  vaultAvailable: [true, { option: true }],
  bridge: async ({ page, vaultAvailable }, use) => {
    const harness = await installBridge(page, { vaultAvailable });
    await use(harness);
    await harness.dispose();
  },
  // Playwright reads a fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  api: async ({}, use) => {
    await use(await ServiceApi.signIn());
  },
  signIn: async ({ page, bridge }, use) => {
    void bridge; // the bridge must be installed before the app loads
    await use(() => signInThroughUi(page));
  },
  snap: async ({ page }, use) => {
    await mkdir('test-results/screens', { recursive: true });
    await use(async (name) => {
      // Transitions finished, so menus and dialogs are captured as the admin sees them at rest.
      await page.screenshot({ path: `test-results/screens/${name}.png`, animations: 'disabled' });
    });
  },
});

export { expect };
