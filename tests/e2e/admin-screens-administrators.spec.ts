// Administrators: invite with privileges, see the invitation (with its temporary password) in the Outbox
// marked as not sent, resend one and many, edit privileges, remove with a confirmation.
import { test, expect } from './support/fixtures';
import { uniqueName } from './support/service-api';
import {
  signInPatiently,
  settle,
  expectNotification,
  openOutbox,
  openScreen,
} from './admin-screens-helpers';
import type { Page } from '@playwright/test';

function adminRow(page: Page, email: string) {
  return page
    .getByTestId('administrators-table')
    .locator('tbody tr', { has: page.locator(`[data-administrator="${email}"]`) });
}

async function invite(
  page: Page,
  name: string,
  email: string,
  privileges: string[],
): Promise<void> {
  await page.getByTestId('invite-administrator').click();
  const dialog = page.getByTestId('administrator-dialog');
  await dialog.getByTestId('administrator-name').locator('input').fill(name);
  await dialog.getByTestId('administrator-email').locator('input').fill(email);
  // Accounts is preselected; make the set exactly `privileges`.
  for (const privilege of [
    'accounts',
    'accounts_bulk',
    'numbers',
    'administrators',
    'setup',
    'reports',
  ]) {
    const box = dialog.locator(`[data-privilege="${privilege}"] input`);
    if (privileges.includes(privilege)) await box.check();
    else await box.uncheck();
  }
  // The dialog may still be settling from the previous invitation when the fields are typed; make
  // sure both hold what was typed before submitting.
  const fields = [
    [dialog.getByTestId('administrator-name').locator('input'), name],
    [dialog.getByTestId('administrator-email').locator('input'), email],
  ] as const;
  await expect(async () => {
    for (const [input, value] of fields) {
      if ((await input.inputValue()) !== value) await input.fill(value);
      await expect(input).toHaveValue(value, { timeout: 1_000 });
    }
  }).toPass();
  await dialog.getByTestId('administrator-submit').click();
  await expectNotification(page, `Invitation for ${email} created`);
}

test('invites an administrator and shows the unsent invitation in the Outbox', async ({
  page,
  signIn,
  snap,
}) => {
  const name = uniqueName('Dana Admin');
  const email = `${name.split(' ').pop()}@admins.example.com`;
  await signInPatiently(signIn, page);
  await openScreen(page, 'administrators');
  await expect(page.getByTestId('administrators-table')).toBeVisible();

  // Your own row cannot be changed or removed, and says why on hover.
  const ownEdit = page.getByTestId('edit-admin@linedesk.test');
  await expect(ownEdit).toBeDisabled();
  await ownEdit.locator('xpath=..').hover();
  await expect(
    page.locator('.v-overlay__content', { hasText: 'You cannot change yourself' }),
  ).toBeVisible();
  await page.mouse.move(0, 0);

  // Invalid input is explained beside the fields.
  await page.getByTestId('invite-administrator').click();
  const dialog = page.getByTestId('administrator-dialog');
  await expect(dialog).toContainText('Import accounts from CSV files');
  await dialog.getByTestId('administrator-email').locator('input').fill('not-an-email');
  await dialog.getByTestId('administrator-submit').click();
  await expect(dialog).toContainText('Enter a name.');
  await expect(dialog).toContainText('Enter a valid email address.');
  await settle(page);
  await snap('admin-administrators-invite');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await invite(page, name, email, ['numbers', 'reports']);
  const row = adminRow(page, email);
  await expect(row).toContainText('Numbers');
  await expect(row).toContainText('Reports');
  await expect(row).toContainText('Invited');
  await settle(page);
  await snap('admin-administrators-list');

  // The invitation is in the outbox, kept (no transport), with the temporary password line.
  await openOutbox(page);
  const message = page.locator(`[data-testid="outbox-table"] tr[data-to="${email}"]`);
  await expect(message).toHaveCount(1);
  await expect(message.locator('[data-status="kept"]')).toHaveText('Not sent');
  await expect(page.getByTestId('kept-banner')).toContainText(
    'Not sent — no email/SMS transport configured on this service',
  );
  await message.click();
  const detail = page.getByTestId('outbox-detail');
  await expect(detail.getByTestId('outbox-to')).toHaveText(email);
  await expect(detail.getByTestId('outbox-body')).toContainText(/Temporary password: \S+/);
  await expect(detail.getByTestId('kept-notice')).toContainText(
    'no email/SMS transport configured',
  );
  await settle(page);
  await snap('admin-outbox-message');

  // Resend from the Administrators page: a second message with a new password.
  const firstBody = await detail.getByTestId('outbox-body').textContent();
  await openScreen(page, 'administrators');
  await page.getByTestId(`resend-${email}`).click();
  await expectNotification(page, `Invitation resent to ${email}`);
  await openOutbox(page);
  await expect(message).toHaveCount(2);
  await message.last().click();
  const secondBody = await detail.getByTestId('outbox-body').textContent();
  expect(secondBody).toMatch(/Temporary password: \S+/);
  expect(secondBody).not.toBe(firstBody);
});

test('resends many, edits privileges and removes an administrator', async ({ page, signIn }) => {
  const one = uniqueName('Bulk One');
  const two = uniqueName('Bulk Two');
  const emailOne = `${one.split(' ').pop()}-1@admins.example.com`;
  const emailTwo = `${two.split(' ').pop()}-2@admins.example.com`;
  await signInPatiently(signIn, page);
  await openScreen(page, 'administrators');
  await invite(page, one, emailOne, ['accounts']);
  await invite(page, two, emailTwo, ['accounts', 'setup']);

  await adminRow(page, emailOne).locator('input[type="checkbox"]').check();
  await adminRow(page, emailTwo).locator('input[type="checkbox"]').check();
  await expect(page.getByTestId('administrators-bulk-bar')).toContainText('2 selected');
  await page.getByTestId('bulk-resend').click();
  await expectNotification(page, 'Invitation resent to 2 administrators');

  await page.getByTestId(`edit-${emailTwo}`).click();
  const dialog = page.getByTestId('administrator-dialog');
  await expect(dialog.getByTestId('administrator-email').locator('input')).toBeDisabled();
  await dialog.locator('[data-privilege="setup"] input').uncheck();
  await dialog.locator('[data-privilege="reports"] input').check();
  await dialog.getByTestId('administrator-submit').click();
  await expectNotification(page, 'privileges were saved');
  await expect(adminRow(page, emailTwo)).toContainText('Reports');
  await expect(adminRow(page, emailTwo)).not.toContainText('Setup');

  await page.getByTestId(`delete-${emailOne}`).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(
    'will no longer be able to sign in',
  );
  await page.getByTestId('confirm-button').click();
  await expectNotification(page, 'was removed');
  await expect(adminRow(page, emailOne)).toHaveCount(0);
});
