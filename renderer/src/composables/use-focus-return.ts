// Focus goes back where it was when a panel closes, so a keyboard user continues from the control that
// opened it instead of starting again at the top of the window.
import { watch, type Ref } from 'vue';

/** Attributes that find "the same" control again after its list re-rendered (a refreshed table row). */
const identities = ['id', 'data-testid', 'data-account-id'];
/** A refreshed list may still be loading when the panel closes: look for the control a while. */
const attempts = 30;
const attemptMs = 100;

function sameControl(opener: HTMLElement): string | null {
  for (const name of identities) {
    const value = opener.getAttribute(name);
    if (value) return `[${name}="${CSS.escape(value)}"]`;
  }
  return null;
}

/** Remembers the focused element when `open` turns true and focuses it again when it turns false. */
export function useFocusReturn(open: Ref<boolean>): void {
  let opener: HTMLElement | null = null;
  let selector: string | null = null;
  watch(open, (isOpen) => {
    if (isOpen) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      selector = opener ? sameControl(opener) : null;
      return;
    }
    const [from, lookFor] = [opener, selector];
    opener = null;
    // Focus was in the panel when it closed; if the admin moves it meanwhile, leave it there.
    const leftBehind = document.activeElement;
    let tries = 0;
    const attempt = (): void => {
      const focused = document.activeElement;
      if (focused !== leftBehind && focused !== document.body) return;
      const back = from?.isConnected
        ? from
        : lookFor
          ? document.querySelector<HTMLElement>(lookFor)
          : null;
      if (back) back.focus();
      else if ((tries += 1) < attempts) setTimeout(attempt, attemptMs);
    };
    setTimeout(attempt, 0);
  });
}
