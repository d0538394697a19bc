// The paged-list factory every grid store uses: the page size comes from the admin's preference
// and follows it, a grid's own choice becomes the preference, and an older answer never wins.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { Paged } from '../../common/api/paging';
import { usePagedList, type Paging } from '../../renderer/src/stores/paged-list';
import { usePreferencesStore } from '../../renderer/src/stores/preferences';
import { useAuditStore } from '../../renderer/src/stores/audit';
import { useOutboxStore } from '../../renderer/src/stores/outbox';
import { useAdministratorsStore } from '../../renderer/src/stores/administrators';
import { useNumbersAdminStore } from '../../renderer/src/stores/numbers-admin';
import { useAccountsStore } from '../../renderer/src/stores/accounts';

const pageOf = (items: string[], total = items.length): Paged<string> => ({
  items,
  total,
  page: 1,
  pageSize: 25,
});

beforeEach(() => setActivePinia(createPinia()));

describe('usePagedList', () => {
  it('asks for pages of the preferred size and shows what arrives', async () => {
    usePreferencesStore().pageSize = 100;
    const asked: Paging[] = [];
    const list = usePagedList((paging) => {
      asked.push(paging);
      return Promise.resolve(pageOf(['a', 'b'], 2));
    });
    await list.load();
    expect(asked).toEqual([{ page: 1, pageSize: 100 }]);
    expect(list.items.value).toEqual(['a', 'b']);
    expect(list.total.value).toBe(2);
    expect(list.loaded.value).toBe(true);
  });

  it('follows a changed preference from page 1, and saves its own choice as the preference', async () => {
    const preferences = usePreferencesStore();
    const list = usePagedList(() => Promise.resolve(pageOf([])));
    list.page.value = 3;
    preferences.pageSize = 25;
    await nextTick();
    expect(list.pageSize.value).toBe(25);
    expect(list.page.value).toBe(1);

    // No desktop shell here: the preference is applied even though it cannot be saved.
    expect(list.setPaging({ page: 1, itemsPerPage: 500 })).toBe(true);
    await nextTick();
    expect(preferences.pageSize).toBe(500);
    expect(list.setPaging({ page: 1, itemsPerPage: 500 })).toBe(false);
  });

  it('keeps the newer answer when an older one arrives late, and says why a load failed', async () => {
    const answers: ((page: Paged<string>) => void)[] = [];
    let fail = false;
    const list = usePagedList(() =>
      fail
        ? Promise.reject(new Error('boom'))
        : new Promise<Paged<string>>((resolve) => answers.push(resolve)),
    );
    const older = list.load();
    const newer = list.load();
    answers[1]!(pageOf(['new']));
    answers[0]!(pageOf(['old']));
    await Promise.all([older, newer]);
    expect(list.items.value).toEqual(['new']);
    expect(list.loading.value).toBe(false);

    fail = true;
    await list.load();
    expect(list.error.value).toBe('Something went wrong in Linedesk. Try again.');
    expect(list.items.value).toEqual(['new']);
  });

  it('loads nothing while there is nothing to list', async () => {
    const list = usePagedList(() => null);
    await list.load();
    expect(list.loading.value).toBe(false);
    expect(list.loaded.value).toBe(false);
  });

  it('goes back to the last page there is when asked to', async () => {
    const asked: number[] = [];
    const list = usePagedList(
      ({ page }) => {
        asked.push(page);
        return Promise.resolve(pageOf(page === 1 ? ['a'] : [], 1));
      },
      { clampPage: true },
    );
    list.page.value = 4;
    await list.load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([4, 1]);
    expect(list.page.value).toBe(1);
    expect(list.items.value).toEqual(['a']);
  });
});

describe('every paged store honours the page-size preference', () => {
  it('starts at the preferred size and follows a change', async () => {
    const preferences = usePreferencesStore();
    preferences.pageSize = 100;
    const stores = [
      useAuditStore(),
      useOutboxStore(),
      useAdministratorsStore(),
      useNumbersAdminStore(),
      useAccountsStore(),
    ];
    expect(stores.map((store) => store.pageSize)).toEqual([100, 100, 100, 100, 100]);
    preferences.pageSize = 25;
    await nextTick();
    expect(stores.map((store) => store.pageSize)).toEqual([25, 25, 25, 25, 25]);
  });
});
