// Outbox store: one page of invitation messages (oldest first) and the message being read.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listOutbox } from '../api/outbox';
import type { OutboxMessage } from '../../../common/api/outbox';
import { usePagedList } from './paged-list';

export const useOutboxStore = defineStore('outbox', () => {
  const list = usePagedList<OutboxMessage>(({ page, pageSize }) => listOutbox({ page, pageSize }));
  const { items: messages, ...paging } = list;
  const selectedId = ref<string | null>(null);
  const selected = computed(
    () => messages.value.find((message) => message.id === selectedId.value) ?? null,
  );

  /** Shows the last page, where the newest messages are (the list is oldest first). */
  async function loadNewest(): Promise<void> {
    await list.load();
    const lastPage = Math.max(1, Math.ceil(list.total.value / list.pageSize.value));
    if (lastPage !== list.page.value) {
      list.page.value = lastPage;
      await list.load();
    }
  }
  function select(id: string | null): void {
    selectedId.value = id;
  }

  return { messages, ...paging, selectedId, selected, loadNewest, select };
});
