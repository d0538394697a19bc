// Accessibility glue Vuetify does not provide: every dialog is named by its own title and gives focus
// back to the control that opened it, every table carries the name given to its v-table, and a
// table that scrolls by itself can be reached and scrolled from the keyboard (v-scroll-region).
import type { App, Directive } from 'vue';

const dialogSelector = '[role="dialog"]:not([aria-label]):not([aria-labelledby])';
const titleSelector = '.v-card-title, .v-toolbar-title, .dialog-title, h1, h2, h3';
let nextTitleId = 0;

/**
 * VDialog puts role="dialog" on its overlay but never names it (upstream: vuetifyjs/vuetify#14755);
 * pointing aria-labelledby at the card title names every dialog by what its title says, even as it
 * changes, including dialogs added later.
 */
function nameDialogs(root: ParentNode): void {
  for (const dialog of root.querySelectorAll<HTMLElement>(dialogSelector)) {
    const title = dialog.querySelector<HTMLElement>(titleSelector);
    if (!title) continue;
    if (!title.id) title.id = `dialog-title-${++nextTitleId}`;
    dialog.setAttribute('aria-labelledby', title.id);
  }
}

/**
 * `<v-table aria-label="…">` and `<v-data-table aria-label="…">` put the name on their outer div,
 * where screen readers do not look; the <table> inside gets it too, so a table is announced by name.
 */
function nameTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>(
    '.v-table[aria-label] table:not([aria-label]):not([aria-labelledby])',
  )) {
    if (table.caption) continue;
    const label = table.closest('.v-table')?.getAttribute('aria-label');
    if (label) table.setAttribute('aria-label', label);
  }
}

/** The last element focused outside any dialog: the control that opens the next one. */
let lastFocusOutside: HTMLElement | null = null;
const openers = new Map<HTMLElement, HTMLElement>();

/**
 * Dialogs opened through v-model (not an activator slot) do not give focus back when they close;
 * this does, for every dialog, unless the dialog itself moved focus somewhere else on purpose.
 */
/** Where focus goes when the opener is gone (e.g. the bulk bar after its action): the screen's title. */
function screenHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('.v-main h1');
  if (heading) heading.tabIndex = -1;
  return heading;
}

function returnFocus(): void {
  for (const dialog of document.querySelectorAll<HTMLElement>(
    '.v-overlay--active[role="dialog"]',
  )) {
    if (!openers.has(dialog) && lastFocusOutside) openers.set(dialog, lastFocusOutside);
  }
  for (const [dialog, opener] of openers) {
    if (dialog.isConnected && dialog.classList.contains('v-overlay--active')) continue;
    openers.delete(dialog);
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || dialog.contains(focused);
    if (lost) (opener.isConnected ? opener : screenHeading())?.focus();
  }
}

function watchDialogs(): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && !target.closest('[role="dialog"]')) {
      lastFocusOutside = target;
    }
  });
  nameDialogs(document);
  nameTables(document);
  new MutationObserver(() => {
    nameDialogs(document);
    nameTables(document);
    returnFocus();
  }).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class'],
  });
}

/**
 * On a v-data-table(-server) whose body scrolls by itself: the scrolling wrapper becomes a named,
 * focusable region, so arrow keys scroll it (WCAG 2.1.1). The value is the region's name.
 */
export const vScrollRegion: Directive<HTMLElement, string> = {
  mounted(element, binding) {
    const wrapper = element.querySelector<HTMLElement>('.v-table__wrapper');
    if (!wrapper) return;
    wrapper.tabIndex = 0;
    wrapper.setAttribute('role', 'region');
    wrapper.setAttribute('aria-label', binding.value);
  },
};

/** Installs the dialog and table naming and the v-scroll-region directive. */
export const accessibility = {
  install(app: App): void {
    app.directive('scroll-region', vScrollRegion);
    watchDialogs();
  },
};
