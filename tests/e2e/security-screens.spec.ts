// Security on the screens: an invitation whose password was removed says so in the Outbox and can be
// resent from there; an administrator's password can be reset after a confirmation.
import { test, expect } from './support/fixtures';
import { uniqueName } from './support/service-api';
import {
  signInPatiently,
  settle,
  expectNotification,
  openOutbox,
  openScreen,
} from './admin-screens-helpers';

test('the outbox tells a removed password and resends; a colleague password is reset', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const me = await api.me();
  const name = uniqueName('Reset Colleague');
  const email = `${name.split(' ').pop()}@security.example.com`;
  const colleague = await api.request<{ id: string }>('POST', '/administrators', {
    name,
    email,
    organizationId: me.organizationId,
    privileges: ['reports'],
  });
  // A resend replaces the first invitation, so its password becomes [removed].
  await api.request('POST', '/administrators/resend-invitation', {
    administratorIds: [colleague.id],
  });

  await signInPatiently(signIn, page);
  await openOutbox(page);
  const first = page.getByTestId('outbox-table').locator(`tr[data-to="${email}"]`).first();
  await first.click();
  const notice = page.getByTestId('password-removed-notice');
  await expect(notice).toContainText('no longer needed');
  await expect(page.getByTestId('outbox-body')).toContainText('[removed]');
  await settle(page);
  await snap('security-outbox-removed');
  await notice.getByTestId('outbox-resend').click();
  await expectNotification(page, `Invitation resent to ${email}`);

  await openScreen(page, 'administrators');
  await page.getByTestId(`reset-password-${email}`).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('every session');
  await settle(page);
  await snap('security-reset-password-confirm');
  await dialog.getByTestId('confirm-button').click();
  await expectNotification(page, `The password of ${name} was reset`);
});
