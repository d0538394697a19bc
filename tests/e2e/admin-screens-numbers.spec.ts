// Organizations & Numbers: add numbers (with per-number errors and 409 NUMBER_EXISTS), reserve with a tag
// and release, allocate to a sub-organization and withdraw, watching the tree's counts and capacity.
import { test, expect } from './support/fixtures';
import { uniqueName } from './support/service-api';
import {
  settle,
  signInPatiently,
  expectNotification,
  expectPool,
  freshNumbers,
  numberRow,
  openScreen,
  treeRow,
} from './admin-screens-helpers';

test('manages an organization pool end to end', async ({ page, api, signIn, snap }) => {
  const parent = await api.createOrganization(uniqueName('Pool Parent'));
  const child = await api.createOrganization(uniqueName('Pool Child'), parent.id);
  const [first, second, third] = freshNumbers(3) as [string, string, string];

  await signInPatiently(signIn, page);
  await openScreen(page, 'organizations');
  await treeRow(page, parent.id).click();
  await expect(page.getByTestId('numbers-empty')).toContainText('This pool has no numbers yet.');

  // Paste three good numbers in different spellings, one without a country code and a repeat.
  await page.getByTestId('add-numbers').click();
  const dialog = page.getByTestId('add-numbers-dialog');
  await dialog
    .getByTestId('numbers-input')
    .locator('textarea')
    .first()
    .fill(
      [
        first,
        second.slice(1),
        `+1 (${third.slice(2, 5)}) ${third.slice(5, 8)}-${third.slice(8)}`,
        '0201 555 0143',
        first,
      ].join('\n'),
    );
  await expect(dialog.getByTestId('numbers-summary')).toContainText('3 ready');
  await expect(dialog.getByTestId('numbers-summary')).toContainText('2 with problems');
  const problems = dialog.getByTestId('number-problems');
  await expect(problems).toContainText('Entry 4:');
  await expect(problems).toContainText('needs a country code');
  await expect(problems).toContainText(`${first} is already in this list (entry 1).`);
  await settle(page);
  await snap('admin-numbers-add-dialog');
  await dialog.getByTestId('add-numbers-submit').click();
  await expectNotification(page, '3 numbers added');
  await expectPool(page, parent.id, { available: 3, reserved: 0, capacity: 3 });
  await expect(numberRow(page, first)).toBeVisible();

  // The same number again is refused by the service and named in the dialog.
  await page.getByTestId('add-numbers').click();
  await dialog.getByTestId('numbers-input').locator('textarea').first().fill(first);
  await dialog.getByTestId('add-numbers-submit').click();
  await expect(dialog.getByTestId('add-numbers-error')).toContainText('already in a number pool');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Reserve one with a tag, then release it.
  await page.getByTestId(`reserve-${first}`).click();
  await page.getByTestId('reserve-tag').locator('input').first().fill('ported');
  await page.getByTestId('reserve-submit').click();
  await expectNotification(page, 'reserved with tag PORTED');
  await expect(numberRow(page, first).locator('[data-state="reserved"]')).toBeVisible();
  await expect(numberRow(page, first)).toContainText('PORTED');
  await expectPool(page, parent.id, { available: 2, reserved: 1, capacity: 2 });
  // The state filter shows only the reserved one; clearing it shows all three again.
  await page.locator('[data-filter="reserved"]').click();
  await expect(page.getByTestId('numbers-table').locator('tbody tr')).toHaveCount(1);
  await expect(numberRow(page, first)).toBeVisible();
  await page.locator('[data-filter="reserved"]').click();
  await expect(numberRow(page, second)).toBeVisible();
  await page.getByTestId(`release-${first}`).click();
  await expectNotification(page, 'released');
  await expect(numberRow(page, first).locator('[data-state="available"]')).toBeVisible();
  await expectPool(page, parent.id, { available: 3, reserved: 0 });

  // Filter by state and search.
  // Ctrl+F reaches the search field from anywhere on the screen.
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('numbers-search').locator('input')).toBeFocused();
  await page.keyboard.type(second.slice(-7));
  await expect(page.getByTestId('numbers-table').locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('numbers-search').locator('input').fill('');
  await expect(numberRow(page, third)).toBeVisible();

  // Allocate two to the sub-organization: both pools' counts and capacity change.
  await numberRow(page, second).locator('input[type="checkbox"]').check();
  await numberRow(page, third).locator('input[type="checkbox"]').check();
  await expect(page.getByTestId('numbers-bulk-bar')).toContainText('2 selected');
  await page.getByTestId('allocate').click();
  const move = page.getByTestId('move-numbers-dialog');
  await move.locator(`[data-organization-id="${child.id}"] input`).check();
  await settle(page);
  await snap('admin-numbers-allocate');
  await move.getByTestId('move-numbers-submit').click();
  await expectNotification(page, /2 numbers allocated to/);
  await expectPool(page, parent.id, { available: 1, capacity: 1 });
  await expectPool(page, child.id, { available: 2, capacity: 2 });
  expect((await api.numbers(child.id)).map((one) => one.number).sort()).toEqual(
    [second, third].sort(),
  );

  // Withdraw one back to the parent from the sub-organization.
  await treeRow(page, child.id).click();
  await numberRow(page, second).locator('input[type="checkbox"]').check();
  await page.getByTestId('withdraw').click();
  await page.getByTestId('move-numbers-dialog').getByTestId('move-numbers-submit').click();
  await expectNotification(page, /1 number withdrawn to/);
  await expectPool(page, child.id, { available: 1, capacity: 1 });
  await expectPool(page, parent.id, { available: 2, capacity: 2 });
  await settle(page);
  await snap('admin-numbers-pool');
});

test('adds a sub-organization from the tree', async ({ page, api, signIn }) => {
  const parent = await api.createOrganization(uniqueName('Tree Parent'));
  const name = uniqueName('Tree Child');
  await signInPatiently(signIn, page);
  await openScreen(page, 'organizations');
  await treeRow(page, parent.id).click();
  await page.getByTestId('add-organization').click();
  await page.getByTestId('organization-name').locator('input').fill(name);
  await page.getByTestId('organization-submit').click();
  await expectNotification(page, `${name} added`);
  const created = (await api.organizations()).find((one) => one.name === name);
  expect(created?.parentId).toBe(parent.id);
  await expect(treeRow(page, created?.id ?? '')).toHaveClass(/selected/);
  await expect(page.getByTestId('numbers-empty')).toBeVisible();
});

test('names the account holding a number and opens it from the pool', async ({
  page,
  api,
  signIn,
}) => {
  const organization = await api.createOrganization(uniqueName('Held Pool'));
  const [held] = await api.addNumbers(organization.id, 1);
  const tag = Date.now().toString(36);
  const holder = await api.createAccount({
    organizationId: organization.id,
    firstName: 'Hana',
    lastName: `Holder ${tag}`,
    contact: `hana.${tag}@example.com`,
    number: held,
    invite: false,
  });

  await signInPatiently(signIn, page);
  await openScreen(page, 'organizations');
  await treeRow(page, organization.id).click();
  const link = numberRow(page, held!).getByTestId('number-account');
  await expect(link).toContainText(`Hana Holder ${tag}`);
  await expect(link).toContainText(`hana.${tag}@example.com`);
  await expect(link).toHaveAttribute('title', `Account ${holder.id}`);
  await link.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`accountId=${holder.id}`));
  await expect(page.getByTestId('account-panel')).toContainText(`Hana Holder ${tag}`);
});
