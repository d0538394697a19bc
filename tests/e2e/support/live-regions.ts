// What screen readers are told: the live regions of the page whose spoken text (what is not under
// aria-hidden) holds a sentence — a notification must be in exactly one.
import type { Page } from '@playwright/test';

/** How many outermost live regions would announce `text` now. */
export function liveRegionsAnnouncing(page: Page, text: string): Promise<number> {
  return page.evaluate((wanted) => {
    const spoken = (node: Node): string => {
      if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      return [...node.childNodes].map(spoken).join(' ');
    };
    const regions = [
      ...document.querySelectorAll(
        '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]',
      ),
    ];
    return regions
      .filter((region) => !regions.some((outer) => outer !== region && outer.contains(region)))
      .filter((region) => spoken(region).replace(/\s+/g, ' ').includes(wanted)).length;
  }, text);
}
