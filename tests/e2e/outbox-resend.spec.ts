// Outbox, an account's invitation: once a newer invitation removed its password, the message says so
// and Resend gives the account a new invitation (the admin-invitation case is in security-screens).
import { test, expect } from './support/fixtures';
import { uniqueName } from './support/service-api';
import { resendRemovedMessage, signInPatiently } from './admin-screens-helpers';

test('an account message whose password was removed is resent from the Outbox', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const organization = await api.createOrganization(uniqueName('E2E Outbox'));
  const [number] = await api.addNumbers(organization.id, 1);
  const tag = uniqueName('x').split(' ')[1] ?? 'x';
  const email = `outbox.${tag}@example.com`;
  const account = await api.createAccount({
    organizationId: organization.id,
    firstName: 'Olga',
    lastName: `Outbox ${tag}`,
    contact: email,
    number,
    invite: true,
  });
  // A second invitation replaces the first, whose password the service then removes.
  await api.request('POST', '/accounts/resend-invitation', { accountIds: [account.id] });
  expect(await api.outbox(account.id)).toHaveLength(2);

  await signInPatiently(signIn, page);
  await resendRemovedMessage(page, email, () => snap('outbox-account-removed'));

  // The account got a third invitation, and the Outbox lists it.
  const messages = await api.outbox(account.id);
  expect(messages).toHaveLength(3);
  await expect(page.getByTestId('outbox-table').locator(`tr[data-to="${email}"]`)).toHaveCount(3);
  expect((await api.account(account.id)).status).toBe('invited');
});
