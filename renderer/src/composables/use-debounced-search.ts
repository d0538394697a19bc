// Search-as-you-type without a request per keystroke: calls `search` once typing pauses, and never
// after the component is gone.
import { getCurrentScope, onScopeDispose, watch, type WatchSource } from 'vue';

/** Typing pause before a search runs, in milliseconds. */
export const searchDelayMs = 300;

export interface DebouncedSearch {
  /** Runs a pending search now (e.g. on Enter). */
  flush(): void;
  /** Drops a pending search. */
  cancel(): void;
}

/** Watches `text` and calls `search` with its value (null as empty) once it stops changing for `delayMs`. */
export function useDebouncedSearch(
  text: WatchSource<string | null | undefined>,
  search: (value: string) => void,
  delayMs = searchDelayMs,
): DebouncedSearch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | null = null;

  function cancel(): void {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  }
  function flush(): void {
    if (pending === null) return;
    const value = pending;
    cancel();
    search(value);
  }

  watch(text, (value) => {
    clearTimeout(timer);
    pending = value ?? '';
    timer = setTimeout(flush, delayMs);
  });
  if (getCurrentScope()) onScopeDispose(cancel);
  return { flush, cancel };
}
