// Activity's Target column names people, never a bare id: an account by its name and contact (its
// id on hover, a click opens it), an administrator by name.
import { test, expect } from './support/fixtures';
import { seedAccounts, seedColleague } from './support/seed';
import { openScreen, settle, signInPatiently } from './admin-screens-helpers';

test('Activity names the target account and administrator, and opens the account', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const {
    tag,
    accounts: [account],
  } = await seedAccounts(api, {
    organizationId: (await api.me()).organizationId,
    surname: 'Target',
    people: [{ first: 'Tara' }],
  });
  const colleagueName = `Target Colleague ${tag}`;
  const colleague = await seedColleague(api, colleagueName, `colleague.${tag}@example.com`);

  await signInPatiently(signIn, page);
  await openScreen(page, 'activity');
  const rows = page.getByTestId('activity-table').locator('tbody tr');

  const administratorRow = rows.filter({ hasText: colleagueName });
  await expect(administratorRow).toHaveCount(1);
  const administratorTarget = administratorRow.getByTestId('activity-target');
  await expect(administratorTarget).toHaveText(colleagueName);
  await expect(administratorTarget).toHaveAttribute('title', colleague.id);

  const accountRow = rows.filter({ hasText: `Tara Target ${tag}` });
  await expect(accountRow).toHaveCount(1);
  const target = accountRow.getByTestId('activity-target');
  await expect(target).toHaveText(`Tara Target ${tag}`);
  await expect(target).toHaveAttribute('title', account.id);
  await expect(accountRow).toContainText(`tara.${tag}@example.com`);
  // Neither the id nor its 8-character short form is shown as the target.
  await expect(accountRow).not.toContainText(new RegExp(account.id.slice(0, 8), 'i'));
  await settle(page);
  await snap('activity-target-names');

  await target.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`accountId=${account.id}`));
  await expect(page.getByTestId('account-panel')).toContainText(`Tara Target ${tag}`);
});
