// The grid on the service: status counts and filter, search (Ctrl/Cmd+F), paging and page sizes, the
// export of everything matching, and the empty states.
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { randomUsNumbers, uniqueName } from './support/service-api';

test('search, filter by status, page through and export', async ({
  page,
  api,
  bridge,
  signIn,
  snap,
}) => {
  const organization = await api.createOrganization(uniqueName('E2E Grid'));
  await api.addNumbers(organization.id, 3);
  const tag = uniqueName('x').split(' ')[1] ?? 'x';
  const surnames = [
    'Adams',
    'Baker',
    'Clark',
    'Davis',
    'Evans',
    'Foster',
    'Garcia',
    'Hughes',
    'Iyer',
    'Jones',
  ];
  for (let index = 0; index < 57; index += 1) {
    await api.createAccount({
      organizationId: organization.id,
      firstName: `Pat${String(index).padStart(2, '0')}`,
      lastName: `${surnames[index % surnames.length]} ${tag}`,
      contact: `pat${index}.${tag}@example.com`,
    });
  }
  const devices = randomUsNumbers(3);
  for (let index = 0; index < 3; index += 1) {
    await api.createAccount({
      organizationId: organization.id,
      firstName: `Ivy${index}`,
      lastName: `Invited ${tag}`,
      contact: devices[index],
      invite: true,
    });
  }

  const accounts = new AccountsPage(page);
  // The grid never asks for more than one page: every list request carries a page size of at most 500.
  const listRequests: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/api/v1/accounts') && request.method() === 'GET')
      listRequests.push(url);
  });
  await signIn();
  await accounts.chooseScope(organization.name, organization.id);
  await expect(page.getByTestId('status-filter-all')).toContainText('60');
  await expect(page.getByTestId('status-filter-invited')).toContainText('3');
  await expect(page.getByTestId('status-filter-not_invited')).toContainText('57');

  // Paging: 25 per page, then the next page, then 100 per page.
  await page.locator('.v-data-table-footer__items-per-page .v-select').click();
  await page.locator('.v-overlay--active .v-list-item').filter({ hasText: /^25$/ }).click();
  await expect(accounts.pageInfo()).toHaveText(/1\s*-\s*25 of 60/);
  await expect(accounts.rows()).toHaveCount(25);
  await page.getByRole('button', { name: /next page/i }).click();
  await expect(accounts.pageInfo()).toHaveText(/26\s*-\s*50 of 60/);
  await snap('accounts-grid-page-2');
  await page.locator('.v-data-table-footer__items-per-page .v-select').click();
  await page.locator('.v-overlay--active .v-list-item').filter({ hasText: /^100$/ }).click();
  await expect(accounts.pageInfo()).toHaveText(/1\s*-\s*60 of 60/);

  // Sorting is done by the service: Name descending puts Pat56 first.
  await page
    .getByTestId('accounts-table')
    .getByRole('columnheader', { name: 'Name', exact: true })
    .click();
  await page
    .getByTestId('accounts-table')
    .getByRole('columnheader', { name: 'Name', exact: true })
    .click();
  await expect(accounts.rows().first()).toContainText('Pat56');
  expect(listRequests.some((url) => url.searchParams.get('sort') === 'firstName:desc')).toBe(true);

  // Search, reached with Ctrl+F.
  await page.getByTestId('accounts-table').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('accounts-search').getByRole('textbox')).toBeFocused();
  await page.keyboard.type(`pat7.${tag}`);
  await expect(accounts.rows()).toHaveCount(1);
  await expect(accounts.rows().first()).toContainText(`Pat07 Hughes ${tag}`);
  await accounts.search('');

  // Digits find a device number.
  await accounts.search(devices[1]!.slice(2));
  await expect(accounts.rows()).toHaveCount(1);
  await expect(accounts.rows().first()).toContainText('Ivy1');
  await accounts.search('');

  // Filter by status.
  await page.getByTestId('status-filter-invited').click();
  await expect(accounts.rows()).toHaveCount(3);
  await expect(accounts.pageInfo()).toHaveText(/of 3$/);
  await snap('accounts-grid-filtered');

  // Export everything matching (the 3 invited) through the save dialog.
  await page.getByTestId('export-all').click();
  await accounts.expectNotification(/Exported to/);
  const csv = (await readFile(bridge.savedFiles.at(-1)!, 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(
    /^First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number/,
  );
  expect(lines).toHaveLength(4);
  for (const device of devices) expect(csv).toContain(device);

  // A search that matches nothing teaches what search covers, and clears in one click.
  await accounts.search('no-such-person-anywhere');
  await expect(page.getByTestId('empty-no-match')).toBeVisible();
  await snap('accounts-no-match');
  await page
    .getByTestId('empty-no-match')
    .getByRole('button', { name: 'Clear search and filters' })
    .click();
  await expect(accounts.pageInfo()).toHaveText(/of 60$/);

  expect(listRequests.length).toBeGreaterThan(0);
  for (const url of listRequests)
    expect(Number(url.searchParams.get('pageSize'))).toBeLessThanOrEqual(500);
});
