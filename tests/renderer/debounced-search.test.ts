// useDebouncedSearch: one search once typing pauses, with the latest text; none after unmount.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useDebouncedSearch } from '../../renderer/src/composables/use-debounced-search';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useDebouncedSearch', () => {
  it('searches once with the latest text after the pause', async () => {
    const text = ref<string | null>('');
    const searched: string[] = [];
    const scope = effectScope();
    scope.run(() => useDebouncedSearch(text, (value) => searched.push(value), 300));
    text.value = 'a';
    await nextTick();
    vi.advanceTimersByTime(200);
    text.value = 'ad';
    await nextTick();
    vi.advanceTimersByTime(299);
    expect(searched).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(searched).toEqual(['ad']);
    text.value = null;
    await nextTick();
    vi.advanceTimersByTime(300);
    expect(searched).toEqual(['ad', '']);
    scope.stop();
  });

  it('runs a pending search on flush, and drops it when the scope ends', async () => {
    const text = ref('');
    const searched: string[] = [];
    const scope = effectScope();
    const search = scope.run(() => useDebouncedSearch(text, (value) => searched.push(value)))!;
    text.value = 'now';
    await nextTick();
    search.flush();
    expect(searched).toEqual(['now']);
    text.value = 'later';
    await nextTick();
    scope.stop();
    vi.advanceTimersByTime(1000);
    expect(searched).toEqual(['now']);
  });
});
