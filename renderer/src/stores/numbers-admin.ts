// Numbers-admin store: the pool of the organization open on Organizations & Numbers (server-paged,
// filtered by state and search) and the pool actions; after each change the tree's counts reload.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { addNumbers, listNumbers, moveNumber, releaseNumber, reserveNumber } from '../api/numbers';
import { runEach, type EachOutcome } from '../utils/run-each';
import { useOrganizationsStore } from './organizations';
import type { NumberPage, NumberState, PoolNumber } from '../../../common/api/numbers';
import { usePagedList } from './paged-list';

export const useNumbersAdminStore = defineStore('numbers-admin', () => {
  const organizationId = ref<string | null>(null);
  /** Empty = every state. */
  const states = ref<NumberState[]>([]);
  const q = ref('');
  /** E.164 numbers ticked in the table. */
  const selected = ref<string[]>([]);
  const list = usePagedList<PoolNumber>(
    ({ page, pageSize }) =>
      organizationId.value
        ? listNumbers({
            organizationId: organizationId.value,
            states: states.value.length ? states.value : undefined,
            q: q.value.trim() || undefined,
            page,
            pageSize,
          })
        : null,
    {
      onPage: (page) => {
        const shown = new Set(page.items.map((number) => number.number));
        selected.value = selected.value.filter((number) => shown.has(number));
      },
    },
  );
  const { items: numbers, ...paging } = list;

  const selectedNumbers = computed((): PoolNumber[] => {
    const chosen = new Set(selected.value);
    return numbers.value.filter((number) => chosen.has(number.number));
  });

  /** Opens an organization's pool (another one from its first page). */
  function open(id: string): void {
    if (organizationId.value !== id) {
      organizationId.value = id;
      list.page.value = 1;
      selected.value = [];
      list.loaded.value = false;
    }
    // Coming back to the same pool keeps the page and filters, but shows fresh states.
    void list.load();
  }
  /** Reloads the table and the tree's pool counts and capacity after a change. */
  async function refreshAfterChange(): Promise<void> {
    await Promise.all([list.load(), useOrganizationsStore().load()]);
  }
  /** Adds numbers to the open organization; throws the service's error (e.g. NUMBER_EXISTS). */
  async function add(added: string[]): Promise<PoolNumber[]> {
    if (!organizationId.value) return [];
    const result = await addNumbers(organizationId.value, added);
    await refreshAfterChange();
    return result;
  }
  async function reserve(chosen: string[], tag: string): Promise<EachOutcome<string>> {
    const outcome = await runEach(chosen, (number) => reserveNumber(number, tag));
    await refreshAfterChange();
    return outcome;
  }
  async function release(chosen: string[]): Promise<EachOutcome<string>> {
    const outcome = await runEach(chosen, (number) => releaseNumber(number));
    await refreshAfterChange();
    return outcome;
  }
  /** Allocates to a sub-organization, or withdraws to the parent: both move the number. */
  async function moveTo(chosen: string[], targetId: string): Promise<EachOutcome<string>> {
    const outcome = await runEach(chosen, (number) => moveNumber(number, targetId));
    selected.value = [];
    await refreshAfterChange();
    return outcome;
  }
  /** The free numbers (Available or Reserved) of an organization matching `q`, for a picker. */
  function findFree(query: {
    organizationId: string;
    state: 'available' | 'reserved';
    q?: string;
    pageSize: number;
  }): Promise<NumberPage> {
    const { state, ...rest } = query;
    return listNumbers({ ...rest, states: [state] });
  }
  function reset(): void {
    organizationId.value = null;
    states.value = [];
    q.value = '';
    selected.value = [];
    list.resetList();
  }

  return {
    numbers,
    ...paging,
    organizationId,
    states,
    q,
    selected,
    selectedNumbers,
    open,
    refreshAfterChange,
    add,
    reserve,
    release,
    moveTo,
    findFree,
    reset,
  };
});

/** "3 reserved" / "2 reserved, 1 failed" plus one line per failure, for the snackbar. */
export function outcomeSummary(
  outcome: EachOutcome<string>,
  verb: string,
): { text: string; details: string[]; ok: boolean } {
  const done = outcome.succeeded.length;
  const failed = outcome.failed.length;
  const text =
    failed === 0
      ? `${done} ${done === 1 ? 'number' : 'numbers'} ${verb}.`
      : `${done} ${verb}, ${failed} failed.`;
  return {
    text,
    details: outcome.failed.map(({ item, message }) => `${item}: ${message}`),
    ok: failed === 0,
  };
}
