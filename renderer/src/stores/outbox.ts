// Outbox store: one page of invitation messages (oldest first) and the message being read.
import { defineStore } from 'pinia';
import { listOutbox } from '../api/outbox';
import { errorMessage } from '../api/api-error';
import type { OutboxMessage } from '../../../common/api/outbox';

interface State {
  messages: OutboxMessage[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  error: string | null;
  loaded: boolean;
  selectedId: string | null;
}

export const useOutboxStore = defineStore('outbox', {
  state: (): State => ({
    messages: [],
    total: 0,
    page: 1,
    pageSize: 50,
    loading: false,
    error: null,
    loaded: false,
    selectedId: null,
  }),
  getters: {
    selected(state): OutboxMessage | null {
      return state.messages.find((message) => message.id === state.selectedId) ?? null;
    },
  },
  actions: {
    async load(): Promise<void> {
      this.loading = true;
      try {
        const page = await listOutbox({ page: this.page, pageSize: this.pageSize });
        this.messages = page.items;
        this.total = page.total;
        this.error = null;
        this.loaded = true;
      } catch (error) {
        this.error = errorMessage(error);
      } finally {
        this.loading = false;
      }
    },
    /** Shows the last page, where the newest messages are (the list is oldest first). */
    async loadNewest(): Promise<void> {
      await this.load();
      const lastPage = Math.max(1, Math.ceil(this.total / this.pageSize));
      if (lastPage !== this.page) {
        this.page = lastPage;
        await this.load();
      }
    },
    select(id: string | null): void {
      this.selectedId = id;
    },
  },
});
