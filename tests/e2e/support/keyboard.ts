// Keyboard-only steps for end-to-end specs: Tab to a control while checking that every stop shows a
// visible focus indicator, and say which element had none when it fails.
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Describes the focused element when it shows no focus indicator, null when it shows one. Vuetify
 * draws focus for fields (.v-field--focused), selection controls (an overlay on the hidden input)
 * and list items (an overlay); everything else must have an outline or a box shadow (app.css).
 */
async function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'nothing is focused';
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    if (outlined || style.boxShadow !== 'none') return null;
    if (element.closest('.v-field--focused, .v-selection-control--focus-visible')) return null;
    const overlay = element.querySelector(
      ':scope > .v-list-item__overlay, :scope > .v-btn__overlay',
    );
    if (overlay && parseFloat(getComputedStyle(overlay).opacity) > 0) return null;
    return `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(
      element.getAttribute('aria-label') ??
      element.textContent ??
      ''
    )
      .trim()
      .slice(0, 60)}" has no visible focus indicator`;
  });
}

/** Fails when the focused element shows no focus indicator. */
export async function expectFocusVisible(page: Page): Promise<void> {
  expect(await focusProblem(page)).toBeNull();
}

async function holdsFocus(target: Locator): Promise<boolean> {
  return target.evaluate(
    (element) => element === document.activeElement || element.contains(document.activeElement),
  );
}

/** Presses Tab (Shift+Tab with `backwards`) until focus is in `target`, checking every stop. */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let step = 0; step < (options.max ?? 60); step += 1) {
    await page.keyboard.press(key);
    await expectFocusVisible(page);
    if (await holdsFocus(target)) return;
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** Expects focus to be in `target` (e.g. back on the button that opened a dialog). */
export async function expectFocusIn(target: Locator): Promise<void> {
  await expect.poll(() => holdsFocus(target)).toBe(true);
}
