// Smoke: sign in through the Sign in screen and see the Accounts screen with its top bar.
import { test, expect } from './support/fixtures';

test('signs in and shows the accounts screen', async ({ page, signIn, snap }) => {
  await signIn();
  await expect(page.getByTestId('time-zone-line')).toContainText(
    'All the information displayed in',
  );
  await snap('accounts-smoke');
});
