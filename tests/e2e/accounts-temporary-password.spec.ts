// An invited administrator signs in with the temporary password from the invitation, sees only their
// organization subtree, and chooses their own password from the banner.
import { test, expect } from './support/fixtures';
import { e2eEnvironment } from './support/e2e-env';
import { uniqueName } from './support/service-api';

test('temporary password → choose your own; the scope is the administrator’s subtree only', async ({
  page,
  api,
  bridge,
  snap,
}) => {
  void bridge;
  const branch = await api.createOrganization(uniqueName('E2E Branch'));
  const email = `${uniqueName('helpdesk').replace(' ', '.')}@example.com`;
  await api.request('POST', '/administrators', {
    organizationId: branch.id,
    email,
    name: 'Hana Helpdesk',
    privileges: ['accounts'],
  });
  const temporary = await api.temporaryPassword(email);

  await page.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
  await page.getByTestId('service-url').getByRole('textbox').fill(e2eEnvironment().serviceUrl);
  await page.getByTestId('email').getByRole('textbox').fill(email);
  await page.getByTestId('password').getByRole('textbox').fill(temporary);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('password-change-banner')).toBeVisible();
  await expect(page.getByTestId('organization-scope')).toContainText(branch.name);
  await snap('temporary-password-banner');

  // The scope selector offers the branch and nothing above or beside it.
  await page.getByTestId('organization-scope').click();
  await expect(page.locator('[data-organization-id]')).toHaveCount(1);
  await page.keyboard.press('Escape');

  await page
    .getByTestId('password-change-banner')
    .getByRole('button', { name: 'Choose a password' })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Choose your password' });
  await dialog.getByLabel('Temporary password').fill(temporary);
  await dialog.getByLabel('New password', { exact: true }).fill('short');
  await dialog.getByLabel('New password again').fill('short');
  await dialog.getByRole('button', { name: 'Save password' }).click();
  await expect(dialog).toContainText('Use at least 12 characters.');
  await dialog.getByLabel('New password', { exact: true }).fill('Hana-chose-this-2026');
  await dialog.getByLabel('New password again').fill('Hana-chose-this-2026');
  await dialog.getByRole('button', { name: 'Save password' }).click();
  await expect(page.locator('.v-snackbar__content')).toContainText('Your new password is saved');
  await expect(page.getByTestId('password-change-banner')).toHaveCount(0);

  // The new password works for the next sign-in.
  await page.getByTestId('administrator-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('password').getByRole('textbox').fill('Hana-chose-this-2026');
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('accounts-table')).toBeVisible();
  await expect(page.getByTestId('password-change-banner')).toHaveCount(0);
});
