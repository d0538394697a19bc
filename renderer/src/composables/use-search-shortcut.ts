// Ctrl/Cmd+F focuses a screen's search field, as on the Accounts screen, while that screen is shown.
import { onBeforeUnmount, onMounted } from 'vue';

/** Registers the shortcut for the lifetime of the calling component. */
export function useSearchShortcut(focusSearch: () => void): void {
  function onKeydown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      focusSearch();
    }
  }
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
