// Move: an organization without capacity refuses invited accounts that have no number (with the exact
// sentence on hover), one with capacity takes them.
import { MOVE_NOT_ENOUGH_NUMBERS_MESSAGE } from '../../common/api/accounts';
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { uniqueName } from './support/service-api';

test('a refused move explains why on hover; an allowed move moves the account', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const source = await api.createOrganization(uniqueName('E2E Move From'));
  const full = await api.createOrganization(uniqueName('E2E Move Full'));
  const roomy = await api.createOrganization(uniqueName('E2E Move Roomy'));
  await api.addNumbers(source.id, 1);
  await api.addNumbers(roomy.id, 2);
  const tag = uniqueName('x').split(' ')[1] ?? 'x';
  // Invited without a number: it uses the source's capacity, and needs capacity wherever it goes.
  const account = await api.createAccount({
    organizationId: source.id,
    firstName: 'Moe',
    lastName: `Mover ${tag}`,
    contact: `moe.${tag}@example.com`,
    invite: true,
  });
  expect(account.status).toBe('invited');
  expect(account.number).toBeNull();

  const accounts = new AccountsPage(page);
  await signIn();
  await accounts.chooseScope(source.name, source.id);
  await accounts.selectRow(`Moe Mover ${tag}`);
  await page.getByTestId('bulk-move').click();
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog).toContainText('Move 1 account');

  // The full organization is disabled, and hovering it shows the service's exact sentence.
  await dialog.getByRole('textbox', { name: 'Search organizations' }).fill('E2E Move');
  const fullRow = dialog.locator(`[data-organization-id="${full.id}"]`);
  await expect(fullRow).toHaveClass(/v-list-item--disabled/);
  await fullRow.locator('xpath=..').hover();
  await expect(
    page
      .locator('.v-tooltip .v-overlay__content')
      .filter({ hasText: MOVE_NOT_ENOUGH_NUMBERS_MESSAGE }),
  ).toBeVisible();
  await expect(dialog.locator(`[data-capacity-for="${full.id}"]`)).toContainText('capacity 0');
  await expect(dialog.locator(`[data-capacity-for="${roomy.id}"]`)).toContainText('capacity 2');
  await expect(dialog.getByTestId('move-confirm')).toBeDisabled();
  await snap('move-dialog-refused');

  // The roomy one takes it.
  await dialog.locator(`[data-organization-id="${roomy.id}"]`).click();
  await expect(dialog.getByTestId('move-confirm')).toBeEnabled();
  await dialog.getByTestId('move-confirm').click();
  await accounts.expectNotification(`1 account moved to`);
  await expect(accounts.row(`Moe Mover ${tag}`)).toHaveCount(0);
  const moved = await api.account(account.id);
  expect(moved.organizationId).toBe(roomy.id);

  // And the grid of the destination shows it.
  await accounts.chooseScope(roomy.name, roomy.id);
  await expect(accounts.status(`Moe Mover ${tag}`)).toHaveText('Invited');
});
