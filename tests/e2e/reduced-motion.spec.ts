// An admin who asks the system for reduced motion: nothing on the screens moves — no transition or
// animation lasts on the Accounts screen, in a dialog or in a menu.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

/** Every running animation, and every element whose transition would last, in the page. */
function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (value: string) =>
      Math.max(
        ...value.split(',').map((part) => parseFloat(part) * (part.includes('ms') ? 0.001 : 1)),
      );
    const found: string[] = [];
    for (const animation of document.getAnimations()) {
      const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
      if (duration > 1) found.push(`animation ${duration} ms`);
    }
    for (const element of document.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (seconds(style.transitionDuration) > 0.001 || seconds(style.animationDuration) > 0.001)
        found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    }
    return found.slice(0, 10);
  });
}

test('with reduced motion asked for, no transition or animation lasts', async ({
  page,
  signIn,
  snap,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn();
  expect(await moving(page)).toEqual([]);
  await page.getByTestId('add-account').click();
  await expect(page.getByTestId('add-account-dialog')).toBeVisible();
  expect(await moving(page)).toEqual([]);
  await snap('reduced-motion-add-account');
  await page.keyboard.press('Escape');
  await page.getByTestId('administrator-menu').click();
  await expect(page.getByTestId('sign-out')).toBeVisible();
  expect(await moving(page)).toEqual([]);
});
