// Follow-up queue store: one page of accounts invited long ago and not activated (and failed
// invitations) for the top bar's organization scope, its selection, and Resend Invite.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { resendInvitations } from '../api/accounts';
import { listFollowUps } from '../api/reports';
import type { AccountActionResults } from '../../../common/api/accounts';
import type { FollowUpItem, FollowUpPage } from '../../../common/api/reports';
import { useOrganizationsStore } from './organizations';
import { usePagedList } from './paged-list';

export const useFollowUpsStore = defineStore('follow-ups', () => {
  /** null = the organization's followUpDays. */
  const olderThanDays = ref<number | null>(null);
  /** The N the service used for the page on screen. */
  const usedOlderThanDays = ref<number | null>(null);
  const selectedIds = ref<string[]>([]);
  const list = usePagedList<FollowUpItem, FollowUpPage>(
    ({ page, pageSize }, signal) => {
      const organizations = useOrganizationsStore();
      if (!organizations.scopeId) return null;
      return listFollowUps(
        {
          organizationId: organizations.scopeId,
          includeSubOrganizations: organizations.includeSubOrganizations,
          olderThanDays: olderThanDays.value,
          page,
          pageSize,
        },
        signal,
      );
    },
    {
      onPage: (page) => {
        usedOlderThanDays.value = page.olderThanDays;
        const onPage = new Set(page.items.map((item) => item.id));
        selectedIds.value = selectedIds.value.filter((id) => onPage.has(id));
      },
    },
  );
  const { items: followUps, ...paging } = list;

  /** Lists invitations older than `days` from the first page. */
  function setOlderThanDays(days: number): void {
    olderThanDays.value = days;
    list.page.value = 1;
    void list.load();
  }

  /** Resends the selected invitations (Accounts privilege), then reloads the queue. */
  async function resendSelected(): Promise<AccountActionResults> {
    const results = await resendInvitations(selectedIds.value);
    selectedIds.value = [];
    await list.load();
    return results;
  }

  return {
    followUps,
    ...paging,
    olderThanDays,
    usedOlderThanDays,
    selectedIds,
    setOlderThanDays,
    resendSelected,
  };
});
