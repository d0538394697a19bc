// Outbox store: one page of invitation messages (oldest first) and the message being read.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listOutbox } from '../api/outbox';
import type { OutboxMessage } from '../../../common/api/outbox';
import { usePagedList } from './paged-list';
import { useAccountsStore } from './accounts';
import { useAdministratorsStore } from './administrators';

/** The service replaces a password that is no longer needed by this marker in the stored body. */
export const removedPasswordMarker = '[removed]';

/** True when the message's password was removed, so only a resend gives the recipient a new one. */
export function passwordRemoved(message: OutboxMessage): boolean {
  return message.body.includes(removedPasswordMarker);
}

export const useOutboxStore = defineStore('outbox', () => {
  const list = usePagedList<OutboxMessage>(({ page, pageSize }) => listOutbox({ page, pageSize }));
  const { items: messages, ...paging } = list;
  const selectedId = ref<string | null>(null);
  const selected = computed(
    () => messages.value.find((message) => message.id === selectedId.value) ?? null,
  );

  /** Shows the last page, where the newest messages are (the list is oldest first). */
  const loadNewest = list.loadLast;
  /** Resends the invitation behind a message; the error message, or null when it was resent. */
  async function resend(message: OutboxMessage): Promise<string | null> {
    const { results } = message.accountId
      ? await useAccountsStore().resendInvitations([message.accountId])
      : await useAdministratorsStore().resendByEmail(message.to);
    const failed = results.find((result) => !result.ok);
    await loadNewest();
    return failed ? (failed.error?.message ?? 'The invitation was not resent.') : null;
  }
  function select(id: string | null): void {
    selectedId.value = id;
  }

  return { messages, ...paging, selectedId, selected, loadNewest, select, resend };
});
