// Helpers shared by the admin-screens end-to-end specs: navigation, the organization tree's counts,
// fresh pool numbers, snackbar checks and a resend from the Outbox.
import { randomInt } from 'node:crypto';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a screen from the navigation rail. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByTestId(`nav-${name}`).click();
}

/** The Outbox is in the rail only for the local service; the e2e service is remote, so go by route. */
export async function openOutbox(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/outbox';
  });
  await expect(page.getByTestId('outbox-table')).toBeVisible();
}

export function treeRow(page: Page, organizationId: string): Locator {
  return page.locator(
    `[data-testid="organization-tree"] tr[data-organization-id="${organizationId}"]`,
  );
}

/** Expects the tree row's pool counts and capacity. */
export async function expectPool(
  page: Page,
  organizationId: string,
  counts: Partial<
    Record<'available' | 'reserved' | 'assigned' | 'registered' | 'capacity', number>
  >,
): Promise<void> {
  const row = treeRow(page, organizationId);
  for (const [key, value] of Object.entries(counts)) {
    await expect(row.locator(`[data-count="${key}"]`)).toHaveText(String(value));
  }
}

/** The numbers-table row of one E.164 number. */
export function numberRow(page: Page, number: string): Locator {
  return page
    .getByTestId('numbers-table')
    .locator('tbody tr', { has: page.locator(`[data-number="${number}"]`) });
}

/** Waits for the snackbar to say `text`, then closes it so the next message can show. */
export async function expectNotification(page: Page, text: string | RegExp): Promise<void> {
  const snackbar = page.getByTestId('notification');
  await expect(snackbar).toContainText(text);
  await snackbar.getByRole('button', { name: 'Close' }).click();
  await expect(snackbar).toBeHidden();
}

/**
 * Opens the Outbox on the first message to `to`, checks that its password was removed (a newer
 * invitation replaced it), shows it to `snap`, and resends it from the message.
 */
export async function resendRemovedMessage(
  page: Page,
  to: string,
  snap: () => Promise<void>,
): Promise<void> {
  await openOutbox(page);
  await page.getByTestId('outbox-table').locator(`tr[data-to="${to}"]`).first().click();
  const notice = page.getByTestId('password-removed-notice');
  await expect(notice).toContainText('no longer needed');
  await expect(page.getByTestId('outbox-body')).toContainText('[removed]');
  await settle(page);
  await snap();
  await notice.getByTestId('outbox-resend').click();
  await expectNotification(page, `Invitation resent to ${to}`);
}

/** Valid US numbers in E.164 that are very unlikely to be in any pool yet. */
export function freshNumbers(count: number): string[] {
  const numbers = new Set<string>();
  while (numbers.size < count) {
    const candidate = `+1${[206, 303, 404, 503, 713][randomInt(5)]}${randomInt(200, 999)}${String(randomInt(10_000)).padStart(4, '0')}`;
    if (isValidPhoneNumber(candidate)) numbers.add(candidate);
  }
  return [...numbers];
}

/** "+12065550143" → "+1 206 555 0143", as the screens show numbers. */
export function international(number: string): string {
  return `${number.slice(0, 2)} ${number.slice(2, 5)} ${number.slice(5, 8)} ${number.slice(8)}`;
}

/**
 * Waits until no finite CSS transition or animation is running (dialogs fully open) before a
 * screenshot; endless ones (spinners, skeleton shimmer) are ignored.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );
}

/**
 * Signs in through the signIn fixture; on this shared two-core machine the first screen can take longer
 * than the fixture's 15 s, so a slow (not failed) sign-in gets one more minute to show Accounts.
 */
export async function signInPatiently(signIn: () => Promise<void>, page: Page): Promise<void> {
  try {
    await signIn();
  } catch {
    await expect(page.getByTestId('accounts-table')).toBeVisible({ timeout: 60_000 });
  }
}
