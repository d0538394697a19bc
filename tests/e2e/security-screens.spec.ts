// Security on the screens: an invitation whose password was removed says so in the Outbox and can be
// resent from there; an administrator's password can be reset after a confirmation.
import { test, expect } from './support/fixtures';
import { e2eEnvironment } from './support/e2e-env';
import { uniqueName } from './support/service-api';
import {
  signInPatiently,
  settle,
  expectNotification,
  openScreen,
  resendRemovedMessage,
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
  await resendRemovedMessage(page, email, () => snap('security-outbox-removed'));

  await openScreen(page, 'administrators');
  await page.getByTestId(`reset-password-${email}`).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('every session');
  await settle(page);
  await snap('security-reset-password-confirm');
  await dialog.getByTestId('confirm-button').click();
  await expectNotification(page, `The password of ${name} was reset`);
});

test('an administrator lacking a colleague’s privileges sees the actions disabled with the reason', async ({
  page,
  api,
  bridge,
  snap,
}) => {
  void bridge;
  const me = await api.me();
  const invite = async (prefix: string, privileges: string[]): Promise<string> => {
    const email = `${uniqueName(prefix).replace(' ', '.')}@security.example.com`.toLowerCase();
    await api.request('POST', '/administrators', {
      organizationId: me.organizationId,
      email,
      name: prefix,
      privileges,
    });
    return email;
  };
  const limited = await invite('Limited', ['administrators']);
  const stronger = await invite('Stronger', ['administrators', 'reports']);
  const peer = await invite('Peer', ['administrators']);
  const temporary = await api.temporaryPassword(limited);

  await page.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
  await page.getByTestId('service-url').getByRole('textbox').fill(e2eEnvironment().serviceUrl);
  await page.getByTestId('email').getByRole('textbox').fill(limited);
  await page.getByTestId('password').getByRole('textbox').fill(temporary);
  await page.getByTestId('sign-in').click();
  await expect(page.getByTestId('nav-administrators')).toBeVisible();
  await openScreen(page, 'administrators');

  const reset = page.getByTestId(`reset-password-${stronger}`);
  await expect(reset).toBeDisabled();
  await expect(page.getByTestId(`edit-${stronger}`)).toBeDisabled();
  await reset.locator('xpath=..').hover();
  await expect(page.locator('.v-overlay__content', { hasText: 'Reports' })).toBeVisible();
  await settle(page);
  await snap('security-colleague-refused');
  await page.mouse.move(0, 0);

  await page.getByTestId(`reset-password-${peer}`).click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-button').click();
  await expectNotification(page, 'was reset');
});
