// Numbers-admin store: the pool of the organization open on Organizations & Numbers (server-paged,
// filtered by state and search) and the pool actions; after each change the tree's counts reload.
import { defineStore } from 'pinia';
import { addNumbers, listNumbers, moveNumber, releaseNumber, reserveNumber } from '../api/numbers';
import { errorMessage } from '../api/api-error';
import { runEach, type EachOutcome } from '../utils/run-each';
import { useOrganizationsStore } from './organizations';
import type { NumberState, PoolNumber } from '../../../common/api/numbers';

interface State {
  organizationId: string | null;
  /** Empty = every state. */
  states: NumberState[];
  q: string;
  page: number;
  pageSize: number;
  numbers: PoolNumber[];
  total: number;
  loading: boolean;
  error: string | null;
  loaded: boolean;
  /** E.164 numbers ticked in the table. */
  selected: string[];
}

export const useNumbersAdminStore = defineStore('numbers-admin', {
  state: (): State => ({
    organizationId: null,
    states: [],
    q: '',
    page: 1,
    pageSize: 50,
    numbers: [],
    total: 0,
    loading: false,
    error: null,
    loaded: false,
    selected: [],
  }),
  getters: {
    selectedNumbers(state): PoolNumber[] {
      const chosen = new Set(state.selected);
      return state.numbers.filter((number) => chosen.has(number.number));
    },
  },
  actions: {
    /** Opens an organization's pool (another one from its first page). */
    open(organizationId: string): void {
      if (this.organizationId === organizationId) {
        // Coming back to the same pool: keep the page and filters, but show fresh states.
        void this.load();
        return;
      }
      this.organizationId = organizationId;
      this.page = 1;
      this.selected = [];
      this.loaded = false;
      void this.load();
    },
    async load(): Promise<void> {
      const organizationId = this.organizationId;
      if (!organizationId) return;
      this.loading = true;
      try {
        const page = await listNumbers({
          organizationId,
          states: this.states.length ? this.states : undefined,
          q: this.q.trim() || undefined,
          page: this.page,
          pageSize: this.pageSize,
        });
        // A slower answer for an organization no longer open must not overwrite the current one.
        if (organizationId !== this.organizationId) return;
        this.numbers = page.items;
        this.total = page.total;
        const shown = new Set(page.items.map((number) => number.number));
        this.selected = this.selected.filter((number) => shown.has(number));
        this.error = null;
        this.loaded = true;
      } catch (error) {
        this.error = errorMessage(error);
      } finally {
        this.loading = false;
      }
    },
    /** Reloads the table and the tree's pool counts and capacity after a change. */
    async refreshAfterChange(): Promise<void> {
      await Promise.all([this.load(), useOrganizationsStore().load()]);
    },
    /** Adds numbers to the open organization; throws the service's error (e.g. NUMBER_EXISTS). */
    async add(numbers: string[]): Promise<PoolNumber[]> {
      if (!this.organizationId) return [];
      const added = await addNumbers(this.organizationId, numbers);
      await this.refreshAfterChange();
      return added;
    },
    async reserve(numbers: string[], tag: string): Promise<EachOutcome<string>> {
      const outcome = await runEach(numbers, (number) => reserveNumber(number, tag));
      await this.refreshAfterChange();
      return outcome;
    },
    async release(numbers: string[]): Promise<EachOutcome<string>> {
      const outcome = await runEach(numbers, (number) => releaseNumber(number));
      await this.refreshAfterChange();
      return outcome;
    },
    /** Allocates to a sub-organization, or withdraws to the parent: both move the number. */
    async moveTo(numbers: string[], organizationId: string): Promise<EachOutcome<string>> {
      const outcome = await runEach(numbers, (number) => moveNumber(number, organizationId));
      this.selected = [];
      await this.refreshAfterChange();
      return outcome;
    },
    reset(): void {
      this.$reset();
    },
  },
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
