// The account panel: details in the chosen time zone, edit with the service's field errors at the field,
// invite and suspend from the panel.
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { uniqueName } from './support/service-api';

test('open an account, edit it, invite and suspend it from the panel', async ({
  page,
  api,
  bridge,
  signIn,
  snap,
}) => {
  const organization = await api.createOrganization(uniqueName('E2E Panel'));
  await api.addNumbers(organization.id, 2);
  const tag = uniqueName('x').split(' ')[1] ?? 'x';
  await api.createAccount({
    organizationId: organization.id,
    firstName: 'Other',
    lastName: tag,
    contact: `other.${tag}@example.com`,
  });
  await api.createAccount({
    organizationId: organization.id,
    firstName: 'Pia',
    lastName: `Panel ${tag}`,
    contact: `pia.${tag}@example.com`,
  });
  // Times are shown in the zone chosen in preferences, named in the top bar.
  const saved = await bridge.router.invoke('prefs:set', { timeZone: 'America/Chicago' });
  expect(saved.ok).toBe(true);

  const accounts = new AccountsPage(page);
  await signIn();
  await expect(page.getByTestId('time-zone-line')).toHaveText(
    /All the information displayed in US - Central \(C[SD]T\)/,
  );
  await accounts.chooseScope(organization.name, organization.id);
  await accounts.row(`Pia Panel ${tag}`).click();
  const panel = page.getByTestId('account-panel');
  await expect(panel).toContainText(`pia.${tag}@example.com`);
  await expect(panel).toContainText('Times in US - Central');

  // A contact already used by another account is refused at the field.
  await panel.getByTestId('panel-edit').click();
  await panel.getByTestId('edit-contact').getByRole('textbox').fill(`other.${tag}@example.com`);
  await panel.getByTestId('edit-save').click();
  await expect(panel.getByTestId('edit-contact')).toContainText('already has an account');
  await panel.getByTestId('edit-contact').getByRole('textbox').fill(`pia.${tag}@example.com`);
  await panel.getByTestId('edit-last-name').getByRole('textbox').fill(`Panelled ${tag}`);
  await panel.getByTestId('edit-save').click();
  await expect(panel).toContainText(`Pia Panelled ${tag}`);
  await expect(accounts.row(`Pia Panelled ${tag}`)).toHaveCount(1);

  // Invite from the panel; the chip turns amber Invited.
  await panel.getByTestId('panel-invite').click();
  await accounts.expectNotification('1 account invited.');
  await expect(accounts.status(`Pia Panelled ${tag}`)).toHaveText('Invited');
  await snap('account-panel');

  // Suspend from the menu.
  await panel.getByRole('button', { name: 'More actions' }).click();
  await page.locator('.v-overlay--active').getByText('Suspend', { exact: true }).click();
  await accounts.expectNotification(/is suspended/);
  await expect(accounts.status(`Pia Panelled ${tag}`)).toHaveText('Suspended');
  await panel.getByRole('button', { name: 'Close the account panel' }).click();
  await expect(panel).not.toBeInViewport();

  // A bulk resend reports partial failures account by account.
  await accounts.selectRow(`Pia Panelled ${tag}`);
  await accounts.selectRow(`Other ${tag}`);
  await page.getByTestId('bulk-resend').click();
  const note = page.getByTestId('notification');
  await expect(note).toContainText('1 resent, 1 failed:');
  await expect(note).toContainText(`Pia Panelled ${tag} — This account is suspended`);
  await snap('accounts-partial-failure');
  await page.locator('.v-snackbar').getByRole('button', { name: 'Close' }).click();
  await expect(accounts.status(`Other ${tag}`)).toHaveText('Invited');

  // The organization scope selector: a searchable tree of `ID NAME`.
  await page.getByTestId('organization-scope').click();
  await expect(page.getByRole('textbox', { name: 'Search organizations' })).toBeVisible();
  await snap('organization-scope-menu');
  await page.keyboard.press('Escape');
});
