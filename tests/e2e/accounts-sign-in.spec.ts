// Sign in: clear messages for a wrong password, an unreachable service and a locked-out account; the
// session survives a reload through main's stored refresh token; Sign out returns to Sign in.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { bootstrapAdministrator, e2eEnvironment } from './support/e2e-env';
import { uniqueName } from './support/service-api';

async function openSignIn(page: Page, serviceUrl: string, email: string, password: string) {
  await page.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
  await page.getByTestId('service-url').getByRole('textbox').fill(serviceUrl);
  await page.getByTestId('email').getByRole('textbox').fill(email);
  await page.getByTestId('password').getByRole('textbox').fill(password);
  await page.getByTestId('sign-in').click();
}

test('a wrong password says so and keeps the admin on Sign in', async ({ page, bridge, snap }) => {
  void bridge;
  await openSignIn(
    page,
    e2eEnvironment().serviceUrl,
    bootstrapAdministrator.email,
    'not-the-password',
  );
  const error = page.getByTestId('sign-in-error');
  await expect(error).toContainText('Wrong email or password');
  await expect(error).toContainText('type the password again');
  await snap('sign-in-wrong-password');
});

test('an unreachable service is named with what to check', async ({ page, bridge }) => {
  void bridge;
  await openSignIn(page, 'http://127.0.0.1:9', bootstrapAdministrator.email, 'whatever-password');
  await expect(page.getByTestId('sign-in-error')).toContainText('The service cannot be reached');
  await expect(page.getByTestId('sign-in-error')).toContainText('127.0.0.1:9');
});

test('a locked-out account is told to wait', async ({ page, bridge, api }) => {
  void bridge;
  const email = `${uniqueName('locked').replace(' ', '.')}@example.com`;
  await api.request('POST', '/administrators', {
    organizationId: (await api.me()).organizationId,
    email,
    name: 'Locked Out',
    privileges: ['accounts'],
  });
  // Ten wrong passwords straight to the service, then the eleventh through the app.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await fetch(`${e2eEnvironment().serviceUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'wrong-password-123' }),
    });
  }
  await openSignIn(page, e2eEnvironment().serviceUrl, email, 'wrong-password-123');
  await expect(page.getByTestId('sign-in-error')).toContainText('Signing in is paused');
});

test.describe('without secure storage', () => {
  test.use({ vaultAvailable: false });

  test('remember-me is off and says why', async ({ page, bridge, snap }) => {
    void bridge;
    await page.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
    await expect(page.getByTestId('remember-me').getByRole('checkbox')).toBeDisabled();
    await expect(page.getByTestId('vault-unavailable')).toContainText('no secure storage');
    await snap('sign-in-no-vault');
  });
});

test('remember-me signs in again after a reload, and Sign out forgets it', async ({
  page,
  bridge,
  signIn,
  snap,
}) => {
  await signIn();
  await page.getByTestId('administrator-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();

  // Remember the password this time: the app resumes on reload without typing it.
  await page.getByTestId('password').getByRole('textbox').fill(bootstrapAdministrator.password);
  await page.getByTestId('remember-me').getByRole('checkbox').check();
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('accounts-table')).toBeVisible();
  // The theme preference is applied from main's prefs when the window loads.
  expect((await bridge.router.invoke('prefs:set', { theme: 'dark' })).ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('accounts-table')).toBeVisible();
  await expect(page.locator('.v-application')).toHaveClass(/v-theme--dark/);
  await expect(page.getByTestId('accounts-table').locator('tbody tr').first()).toBeVisible();
  await snap('accounts-dark');
  // Secrets stay in main: nothing the renderer received contains the password or a refresh token.
  const received = JSON.stringify(bridge.calls.map((call) => call.result));
  expect(received).not.toContain(bootstrapAdministrator.password);
  expect(received).not.toContain('refreshToken');
});

test('“Use the service on this computer” starts the local service and signs in to it', async ({
  page,
  bridge,
  snap,
}) => {
  await page.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
  await page.getByTestId('use-local-service').click();
  await expect(page.getByTestId('accounts-table')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('connected-service')).toContainText('This computer');
  await expect(page.getByTestId('organization-scope')).not.toContainText('No organization');
  await expect(page.getByTestId('status-filter-all')).toContainText('0');
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
  // The outbox matters on the local service (nothing is configured to send), so it is in the rail.
  await expect(page.getByTestId('nav-outbox')).toBeVisible();
  await snap('accounts-local-service');
  const status = await bridge.router.invoke('localService:status', undefined);
  expect(status).toMatchObject({ ok: true, value: { running: true } });
});
