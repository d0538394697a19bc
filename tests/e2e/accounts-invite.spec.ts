// Add an account with a number and invite it, see the kept message in the outbox, resend it; then
// delete it keeping its number reserved, and invite the same person again with that number.
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { uniqueName } from './support/service-api';

test('add and invite with a number, see the outbox message, resend, delete with reserve and re-invite', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const organization = await api.createOrganization(uniqueName('E2E Invite'));
  const numbers = await api.addNumbers(organization.id, 3);
  const tag = uniqueName('x').split(' ')[1] ?? 'x';
  const email = `ana.silva.${tag}@example.com`;
  const accounts = new AccountsPage(page);

  await signIn();
  await accounts.chooseScope(organization.name, organization.id);
  await expect(page.getByTestId('empty-no-accounts')).toBeVisible();
  await snap('accounts-empty');

  // Add Account → Single Account with a number, Save & Invite.
  await page.getByTestId('add-account').click();
  const dialog = page.getByTestId('add-account-dialog');
  await expect(dialog.getByTestId('consent-notice')).toHaveText(
    'By clicking on Invite, you agree that you have obtained permission from recipients to receive SMS notifications through employee or other agreement. Message and data rates may apply.',
  );
  // MULTIPLE ACCOUNTS is the clearly labelled way into the import wizard.
  await dialog.getByTestId('tab-multiple').click();
  await expect(dialog.getByTestId('open-import-wizard')).toBeVisible();
  await snap('add-account-multiple');
  await dialog.getByTestId('tab-single').click();
  await dialog.getByTestId('first-name').getByRole('textbox').fill('Ana');
  await dialog.getByTestId('last-name').getByRole('textbox').fill(`Silva ${tag}`);
  await dialog.getByTestId('contact').getByRole('textbox').fill('2079460958');
  await dialog.getByTestId('last-name').getByRole('textbox').click();
  await expect(dialog.getByTestId('contact')).toContainText('country code');
  await dialog.getByTestId('contact').getByRole('textbox').fill(email.toUpperCase());
  await expect(dialog.getByTestId('contact')).toContainText(`Invitation by email to ${email}`);
  await expect(dialog.getByTestId('capacity-line')).toContainText('Onboarding capacity 3');
  await dialog.getByTestId('assign-number').click();
  const chosen = numbers[0]!;
  await page.locator(`.v-overlay--active [data-number="${chosen}"]`).click();
  await expect(dialog.getByTestId('capacity-line')).toContainText('capacity is not used');
  await snap('add-account-dialog');
  await dialog.getByTestId('save-and-invite').click();
  await accounts.expectNotification(`Ana Silva ${tag} was added and invited`);

  const name = `Ana Silva ${tag}`;
  await expect(accounts.status(name)).toHaveText('Invited');
  const [created] = (await api.accounts({ organizationId: organization.id, q: tag })).items;
  expect(created?.number).toBe(chosen);
  expect(created?.contact).toBe(email);

  // The invitation is kept in the outbox (no transport configured), addressed to the contact.
  const firstMessages = await api.outbox(created!.id);
  expect(firstMessages).toHaveLength(1);
  expect(firstMessages[0]).toMatchObject({ to: email, status: 'kept', channel: 'email' });
  expect(firstMessages[0]!.body).toContain(created!.username);

  // Resend from the bulk bar.
  await accounts.selectRow(name);
  await expect(page.getByTestId('bulk-bar')).toContainText('1 selected');
  await snap('accounts-bulk-bar');
  await page.getByTestId('bulk-resend').click();
  await accounts.expectNotification('1 account resent.');
  await expect.poll(async () => (await api.outbox(created!.id)).length).toBe(2);

  // Export the selection through the save dialog.
  await accounts.selectRow(name);
  await page.getByTestId('bulk-export').click();
  await accounts.expectNotification(/Exported to .*linedesk-accounts-selected-/);

  // Delete, keeping the number reserved for the re-invite.
  await accounts.selectRow(name);
  await page.getByTestId('bulk-delete').click();
  const confirm = page.getByTestId('delete-dialog');
  await expect(confirm).toContainText('The 1 MultiLine number will be:');
  await confirm.getByTestId('disposition-reserve').click();
  await snap('delete-dialog');
  await confirm.getByTestId('delete-confirm').click();
  await accounts.expectNotification(
    '1 account deleted. Its number is reserved with the tag RE-INVITE.',
  );
  await expect(accounts.row(name)).toHaveCount(0);
  const reserved = (await api.numbers(organization.id)).find((number) => number.number === chosen);
  expect(reserved).toMatchObject({ state: 'reserved', tag: 'RE-INVITE' });

  // Invite the same person again with the reserved number: it is offered under Reserved with its tag.
  await page.getByTestId('add-account').click();
  await dialog.getByTestId('first-name').getByRole('textbox').fill('Ana');
  await dialog.getByTestId('last-name').getByRole('textbox').fill(`Silva ${tag}`);
  await dialog.getByTestId('contact').getByRole('textbox').fill(email);
  await dialog.getByTestId('assign-number').click();
  const reservedOption = page.locator(`.v-overlay--active [data-number="${chosen}"]`);
  await expect(reservedOption).toContainText('RE-INVITE');
  await expect(page.locator('.v-menu.v-overlay--active')).toContainText('Reserved (1)');
  await snap('assign-number-picker');
  await reservedOption.click();
  await dialog.getByTestId('save-and-invite').click();
  await accounts.expectNotification(`${name} was added and invited`);
  await expect(accounts.status(name)).toHaveText('Invited');
  const [again] = (await api.accounts({ organizationId: organization.id, q: tag })).items;
  expect(again?.number).toBe(chosen);
  expect(again?.id).not.toBe(created!.id);
});

test('export of the selection is a formula-safe CSV with the template columns', async ({
  page,
  api,
  bridge,
  signIn,
}) => {
  const organization = await api.createOrganization(uniqueName('E2E Export'));
  const tag = uniqueName('x').split(' ')[1] ?? 'x';
  await api.createAccount({
    organizationId: organization.id,
    firstName: '=HYPERLINK("x")',
    lastName: tag,
    contact: `f.${tag}@example.com`,
  });
  const accounts = new AccountsPage(page);
  await signIn();
  await accounts.chooseScope(organization.name, organization.id);
  await accounts.selectRow(tag);
  await page.getByTestId('bulk-export').click();
  await accounts.expectNotification(/Exported to/);
  const file = bridge.savedFiles.at(-1)!;
  const text = await readFile(file, 'utf8');
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number,Status',
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`f.${tag}@example.com`);
  expect(lines[1]).not.toMatch(/^"?=/);
  expect(lines[1]).toContain('Not Invited');
});
