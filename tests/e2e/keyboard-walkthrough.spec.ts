// A help-desk day without the mouse: sign in, find an account and resend its invitation, add an account
// with a number, move three accounts, and take the import wizard to Review — focus always visible, Escape closing
// every dialog and menu, and focus back on the control that opened a dialog.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { bootstrapAdministrator, e2eEnvironment } from './support/e2e-env';
import { expectFocusIn, expectFocusVisible, tabTo } from './support/keyboard';
import { liveRegionsAnnouncing } from './support/live-regions';
import { uniqueName } from './support/service-api';

test('a keyboard-only walkthrough of the daily work', async ({ page, api, bridge }) => {
  const source = await api.createOrganization(uniqueName('Keys Source'));
  const target = await api.createOrganization(uniqueName('Keys Target'));
  await api.addNumbers(source.id, 5);
  await api.addNumbers(target.id, 4);
  const tag = uniqueName('k').split(' ')[1] ?? 'k';
  for (const first of ['Ari', 'Bea', 'Cal']) {
    await api.createAccount({
      organizationId: source.id,
      firstName: first,
      lastName: `Keys ${tag}`,
      contact: `${first.toLowerCase()}.${tag}@example.com`,
      invite: true,
    });
  }
  const accounts = new AccountsPage(page);
  const { appUrl, serviceUrl } = e2eEnvironment();

  // Sign in: Tab from field to field, Enter submits.
  await page.goto(`${appUrl}/index.html#/sign-in`);
  await page.getByTestId('profile-select').waitFor();
  await tabTo(page, page.getByTestId('service-url'));
  await page.keyboard.insertText(serviceUrl);
  await tabTo(page, page.getByTestId('connection-name'));
  await page.keyboard.insertText('Keyboard');
  await tabTo(page, page.getByTestId('email'));
  await page.keyboard.insertText(bootstrapAdministrator.email);
  await tabTo(page, page.getByTestId('password'));
  await page.keyboard.insertText(bootstrapAdministrator.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('accounts-table')).toBeVisible();

  // Scope: open the organization menu, search, pick with the arrow keys; Escape closes the menu.
  const scope = page.getByTestId('organization-scope');
  await tabTo(page, scope);
  await page.keyboard.press('Enter');
  const scopeSearch = page.getByRole('textbox', { name: 'Search organizations' });
  await expect(scopeSearch).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(scopeSearch).toBeHidden();
  await expectFocusIn(scope);
  await page.keyboard.press('Enter');
  await expect(scopeSearch).toBeFocused();
  await page.keyboard.insertText(source.name);
  await expect(page.locator(`.v-overlay--active [data-organization-id]`)).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(scope).toContainText(source.name);

  // Find an account by search (Ctrl+F), open it from its name, resend its invitation.
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('accounts-search').getByRole('textbox')).toBeFocused();
  await page.keyboard.insertText(`Bea Keys ${tag}`);
  await expect(accounts.rows()).toHaveCount(1);
  const beaName = accounts.row(`Bea Keys ${tag}`).locator('.account-name');
  await tabTo(page, beaName);
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('account-panel');
  await expect(panel).toBeVisible();
  await tabTo(page, panel.getByTestId('panel-resend'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notification')).toContainText('resent');
  // Screen readers hear it once: one live region says it, the snackbar's own says nothing.
  const resent = (await page.getByTestId('notification-text').innerText()).split('\n')[0]!.trim();
  expect(await liveRegionsAnnouncing(page, resent)).toBe(1);
  await page.keyboard.press('Escape');
  await expect(panel).not.toBeInViewport();
  await expectFocusIn(beaName);

  // Add an account with a number: Escape closes the dialog and focus returns to Add Account.
  await page.getByTestId('accounts-search').getByRole('textbox').fill('');
  await expect(accounts.rows()).toHaveCount(3);
  const addAccount = page.getByTestId('add-account');
  const dialog = page.getByTestId('add-account-dialog');
  await openTwice(page, addAccount, dialog);
  await tabTo(page, dialog.getByTestId('first-name'));
  await page.keyboard.insertText('Dee');
  await tabTo(page, dialog.getByTestId('last-name'));
  await page.keyboard.insertText(`Keys ${tag}`);
  await tabTo(page, dialog.getByTestId('contact'));
  await page.keyboard.insertText(`dee.${tag}@example.com`);
  await tabTo(page, dialog.getByTestId('assign-number'));
  await page.keyboard.press('Enter');
  const option = page.locator('.v-overlay--active [data-number]').first();
  await expect(option).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(option).toBeHidden();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('capacity-line')).toContainText('capacity is not used');
  await tabTo(page, dialog.getByTestId('save'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notification')).toContainText(`Dee Keys ${tag} was added`);
  await expect(dialog).toBeHidden();
  await expectFocusIn(addAccount);
  await expect(accounts.rows()).toHaveCount(4);

  // Select three rows with Space and move them; Escape closes the move dialog first.
  for (const first of ['Ari', 'Bea', 'Cal']) {
    await tabTo(page, accounts.row(`${first} Keys ${tag}`).getByRole('checkbox'));
    await page.keyboard.press('Space');
  }
  await expect(page.getByTestId('bulk-bar')).toContainText('3 selected');
  const moveDialog = page.getByTestId('move-dialog');
  await openTwice(page, page.getByTestId('bulk-move'), moveDialog);
  await tabTo(page, moveDialog.getByRole('textbox', { name: 'Search organizations' }));
  await page.keyboard.insertText(target.name);
  await expect(moveDialog.locator('[data-organization-id]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await tabTo(page, moveDialog.getByTestId('move-confirm'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notification')).toContainText('3 accounts moved to');
  await expect(moveDialog).toBeHidden();
  await expect(accounts.rows()).toHaveCount(1);
  // The bulk bar that opened the dialog is gone with the selection: focus lands on the screen title.
  await expectFocusIn(page.getByRole('heading', { level: 1, name: 'Accounts' }));
  await expectFocusVisible(page);

  // The administrator menu closes with Escape too.
  const adminMenu = page.getByTestId('administrator-menu');
  await tabTo(page, adminMenu, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-out')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sign-out')).toBeHidden();
  await expectFocusIn(adminMenu);

  // The import wizard from the navigation rail, as far as Review: choose the organization, open a file.
  await tabTo(page, page.getByTestId('nav-import'), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await tabTo(page, page.getByRole('combobox', { name: 'Organization' }));
  await page.keyboard.insertText(target.name);
  await expect(page.getByRole('option', { name: new RegExp(target.name) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByTestId('setup-next'));
  await page.keyboard.press('Enter');
  bridge.nextOpenFile = await staffFile(tag);
  await tabTo(page, page.getByTestId('open-file'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-counts')).toHaveText('2 ready · 0 with problems');
  await tabTo(page, page.getByTestId('review-next'));
});

/**
 * Shift+Tabs to `opener` and opens `dialog` with Enter; Escape closes it and focus is back on the
 * opener; Enter opens it again for the real work.
 */
async function openTwice(page: Page, opener: Locator, dialog: Locator): Promise<void> {
  await tabTo(page, opener, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectFocusIn(opener);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
}

/** A small, clean staff list to import. */
async function staffFile(tag: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'linedesk-keys-'));
  const file = path.join(folder, `staff-${tag}.csv`);
  const lines = [
    'First Name,Last Name,Email,Number Of Lines Allowed',
    `Eve,Keys ${tag},eve.${tag}@example.com,1`,
    `Fin,Keys ${tag},fin.${tag}@example.com,1`,
  ];
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}
