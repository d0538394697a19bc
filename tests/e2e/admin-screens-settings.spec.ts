// Settings: the time zone named at the top and the theme; organization settings; permission profiles;
// the invitation template, edited with placeholder chips and then used by a new invitation.
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

async function chooseScope(page: Page, organizationId: string): Promise<void> {
  await page.getByTestId('organization-scope').click();
  await page.locator(`.v-overlay [data-organization-id="${organizationId}"]`).click();
}

async function pickTimeZone(page: Page, search: string, title: string): Promise<void> {
  const picker = page.getByTestId('time-zone-picker');
  await picker.locator('input:not([type="hidden"])').fill(search);
  await page.locator('.v-overlay .v-list-item', { hasText: title }).first().click();
}

test('changes the time zone line and the theme', async ({ page, signIn, snap }) => {
  await signInPatiently(signIn, page);
  await openScreen(page, 'settings');
  await pickTimeZone(page, 'Tokyo', 'Japan (GMT+9)');
  await expect(page.getByTestId('time-zone-line')).toHaveText(
    'All the information displayed in Japan (GMT+9)',
  );
  await pickTimeZone(page, 'Chicago', 'US - Central');
  await expect(page.getByTestId('time-zone-line')).toContainText(
    /All the information displayed in US - Central \(C[DS]T\)/,
  );

  await expect(page.locator('.v-application')).toHaveClass(/v-theme--light/);
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'Dark' }).click();
  await expect(page.locator('.v-application')).toHaveClass(/v-theme--dark/);
  await settle(page);
  await snap('admin-settings-display-dark');
  await openScreen(page, 'organizations');
  await expect(page.getByTestId('organization-tree')).toBeVisible();
  await settle(page);
  await snap('admin-organizations-dark');
  await openScreen(page, 'settings');
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'Light' }).click();
  await expect(page.locator('.v-application')).toHaveClass(/v-theme--light/);
});

test('saves organization settings and adds a permission profile', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const organization = await api.createOrganization(uniqueName('Settings Org'));
  await signInPatiently(signIn, page);
  await chooseScope(page, organization.id);
  await openScreen(page, 'settings');
  await page.getByTestId('settings-tabs').getByRole('tab', { name: 'Organization' }).click();

  const form = page.getByTestId('organization-settings');
  const expiry = form.getByTestId('invitation-expiry-days').locator('input');
  await expect(expiry).toHaveValue('30');
  await expiry.fill('0');
  await form.getByTestId('save-organization-settings').click();
  await expect(form).toContainText('Enter a whole number of days from 1 to 365.');
  await expiry.fill('7');
  await form.getByTestId('allowed-email-domains').locator('input').fill('example.com');
  await form.getByTestId('allowed-email-domains').locator('input').press('Enter');
  await form.getByTestId('save-organization-settings').click();
  await expectNotification(page, 'Settings of');
  const saved = await api.request<{ invitationExpiryDays: number; allowedEmailDomains: string[] }>(
    'GET',
    `/organizations/${organization.id}/settings`,
  );
  expect(saved.invitationExpiryDays).toBe(7);
  expect(saved.allowedEmailDomains).toEqual(['example.com']);
  await settle(page);
  await snap('admin-settings-organization');

  await page.getByTestId('settings-tabs').getByRole('tab', { name: 'Permission profiles' }).click();
  const profiles = page.getByTestId('permission-profiles');
  await expect(
    profiles.locator('[data-profile="Default User Permissions (Default)"][data-inherited="false"]'),
  ).toBeVisible();
  await profiles.getByTestId('add-profile').click();
  const dialog = page.getByTestId('add-profile-dialog');
  await dialog.getByTestId('profile-name').locator('input').fill('Sales team');
  await dialog.locator('[data-feature="internationalCalling"] input').check();
  await dialog.getByTestId('profile-submit').click();
  await expectNotification(page, 'Permission profile “Sales team” added');
  await expect(profiles.locator('[data-profile="Sales team"]')).toBeVisible();
  await expect(
    profiles.locator('[data-profile="Sales team"] [aria-label="International calling: on"]'),
  ).toBeVisible();
  await settle(page);
  await snap('admin-settings-profiles');
});

test('edits the invitation template and a new invitation uses it', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const organization = await api.createOrganization(uniqueName('Template Org'));
  await api.addNumbers(organization.id, 1);
  await signInPatiently(signIn, page);
  await chooseScope(page, organization.id);
  await openScreen(page, 'settings');
  await page.getByTestId('settings-tabs').getByRole('tab', { name: 'Invitation template' }).click();

  const editor = page.getByTestId('invitation-template');
  const subject = editor.getByTestId('template-email-subject').locator('input');
  await expect(subject).not.toHaveValue('');
  await subject.fill('Welcome aboard, ');
  await subject.click();
  await subject.press('End');
  await editor.locator('[data-placeholder="firstName"]').click();
  await expect(subject).toHaveValue('Welcome aboard, {{firstName}}');
  await expect(editor.getByTestId('template-preview')).toContainText('Welcome aboard, Alex');

  // A body without the password is refused with a sentence.
  const body = editor.getByTestId('template-email-body').locator('textarea').first();
  await body.fill('Hello {{firstName}}, your username is {{username}}.');
  await editor.getByTestId('save-template').click();
  await expect(editor).toContainText('The text must contain {{password}}');
  await body.press('End');
  await body.pressSequentially('\nOne-time code: ');
  await editor.locator('[data-placeholder="password"]').click();
  await expect(body).toHaveValue(
    'Hello {{firstName}}, your username is {{username}}.\nOne-time code: {{password}}',
  );
  await settle(page);
  await snap('admin-settings-template');
  await editor.getByTestId('save-template').click();
  await expectNotification(page, 'New invitations use it');

  // A new invitation in that organization is written from the saved template.
  const contact = `${uniqueName('tpl').split(' ').pop()}@example.com`;
  const account = await api.createAccount({
    organizationId: organization.id,
    firstName: 'Robin',
    lastName: 'Template',
    contact,
    invite: true,
  });
  await openOutbox(page);
  const message = page.locator(`[data-testid="outbox-table"] tr[data-to="${contact}"]`);
  await message.click();
  const detail = page.getByTestId('outbox-detail');
  await expect(detail.getByTestId('outbox-subject')).toHaveText('Welcome aboard, Robin');
  await expect(detail.getByTestId('outbox-body')).toContainText(
    `Hello Robin, your username is ${account.username}.`,
  );
  await expect(detail.getByTestId('outbox-body')).toContainText(/One-time code: \S{12,}/);
});

test('lists activity with who, what and when', async ({ page, api, signIn, snap }) => {
  const organization = await api.createOrganization(uniqueName('Activity Org'));
  await signInPatiently(signIn, page);
  await openScreen(page, 'activity');
  const table = page.getByTestId('activity-table');
  await expect(table).toContainText('admin@linedesk.test');
  // Only organization creations, newest page: this test's organization is there, with who did it.
  await page.getByLabel('Filter by action').fill('Added an organization');
  await page.locator('.v-overlay .v-list-item', { hasText: 'Added an organization' }).click();
  const row = table.locator('tbody tr', { has: page.locator(`[title="${organization.id}"]`) });
  await expect(row).toContainText('Added an organization');
  await expect(row).toContainText('admin@linedesk.test');
  await expect(table.locator('[data-action]').first()).toHaveAttribute(
    'data-action',
    'organization.created',
  );
  await settle(page);
  await snap('admin-activity');
});
