// Focus order follows reading order: Tab moves through a screen or dialog top to bottom and, on one
// line, left to right — checked on Sign in, the Add Account dialog and the import wizard's Setup.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { e2eEnvironment } from './support/e2e-env';

interface Stop {
  name: string;
  top: number;
  left: number;
  height: number;
}

/** Where focus is, when it is inside `within`. */
function focusedStop(within: Locator): Promise<Stop | null> {
  return within.evaluate((root) => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || !root.contains(element)) return null;
    // Back before where the walk started: a dialog's focus trap wrapped round.
    const start = root.querySelector('[data-focus-start]');
    if (start && start.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING)
      return null;
    const box = element.getBoundingClientRect();
    const name = (
      element.getAttribute('aria-label') ??
      element.closest('[data-testid]')?.getAttribute('data-testid') ??
      element.textContent ??
      ''
    ).trim();
    return { name: name.slice(0, 40), top: box.top, left: box.left, height: box.height };
  });
}

/**
 * Focuses the first control of `within` (in document order) and Tabs until focus leaves it or comes
 * back round before where it started (a dialog keeps focus inside and wraps).
 */
async function tabStops(page: Page, within: Locator, max = 40): Promise<Stop[]> {
  await within.evaluate((root) => {
    const first = [
      ...root.querySelectorAll<HTMLElement>('button, input, textarea, select, a[href], [tabindex]'),
    ].find((element) => element.tabIndex >= 0 && element.getClientRects().length > 0);
    for (const marked of root.querySelectorAll('[data-focus-start]'))
      marked.removeAttribute('data-focus-start');
    first?.focus();
  });
  // A dialog may move focus to its first field once it opened: the walk starts wherever focus is.
  await within.evaluate((root) => {
    if (document.activeElement && root.contains(document.activeElement))
      document.activeElement.setAttribute('data-focus-start', '');
  });
  const stops: Stop[] = [];
  for (let step = 0; step < max; step += 1) {
    const stop = await focusedStop(within);
    if (!stop) break;
    if (stops.some((seen) => seen.name === stop.name && seen.top === stop.top)) break;
    stops.push(stop);
    await page.keyboard.press('Tab');
  }
  return stops;
}

/** Stops that go back up the page, or leftwards on the same line: none in reading order. */
function outOfOrder(stops: Stop[]): string[] {
  const problems: string[] = [];
  for (let index = 1; index < stops.length; index += 1) {
    const [before, after] = [stops[index - 1]!, stops[index]!];
    const sameLine = Math.abs(after.top - before.top) < Math.min(before.height, after.height) / 2;
    if (sameLine ? after.left < before.left : after.top < before.top)
      problems.push(`"${after.name}" comes after "${before.name}" but sits before it`);
  }
  return problems;
}

test('Tab follows reading order on Sign in, in Add Account and on the import Setup', async ({
  page,
  bridge,
  signIn,
}) => {
  void bridge;
  await page.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
  await page.getByTestId('profile-select').waitFor();
  const signInStops = await tabStops(page, page.locator('.v-main'));
  expect(signInStops.length).toBeGreaterThan(4);
  expect(outOfOrder(signInStops)).toEqual([]);

  await signIn();
  await page.getByTestId('add-account').click();
  const dialog = page.getByTestId('add-account-dialog');
  await expect(dialog).toBeVisible();
  // Walk once the dialog has opened: its opening animation moves every control (a stop seen twice
  // would not be known again), and at its end the dialog focuses its first field.
  await expect
    .poll(() =>
      dialog.evaluate(
        (root) =>
          (root.closest('.v-overlay__content')?.getAnimations().length ?? 0) === 0 &&
          !!document.activeElement?.matches('input, textarea'),
      ),
    )
    .toBe(true);
  const dialogStops = await tabStops(page, dialog);
  expect(dialogStops.length).toBeGreaterThan(3);
  expect(outOfOrder(dialogStops)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByTestId('nav-import').click();
  const setup = page.getByTestId('import-setup');
  await expect(setup).toBeVisible();
  const setupStops = await tabStops(page, setup);
  expect(setupStops.length).toBeGreaterThan(2);
  expect(outOfOrder(setupStops)).toEqual([]);
});
