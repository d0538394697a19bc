// Administrators store: the paged list of administrators in the caller's subtree and the actions on it.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  deleteAdministrator,
  inviteAdministrator,
  listAdministrators,
  resendAdministratorInvitations,
  resetAdministratorPassword,
  updateAdministrator,
} from '../api/administrators';
import type {
  Administrator,
  AdministratorResults,
  CreateAdministrator,
  UpdateAdministrator,
} from '../../../common/api/administrators';
import { usePagedList } from './paged-list';

export const useAdministratorsStore = defineStore('administrators', () => {
  const q = ref('');
  const list = usePagedList<Administrator>(({ page, pageSize }) =>
    listAdministrators({ page, pageSize, q: q.value.trim() || undefined }),
  );
  const { items: administrators, ...paging } = list;

  /** Invites and reloads; errors are thrown for the dialog to show beside its fields. */
  async function invite(body: CreateAdministrator): Promise<Administrator> {
    const created = await inviteAdministrator(body);
    await list.load();
    return created;
  }
  async function update(id: string, change: UpdateAdministrator): Promise<Administrator> {
    const updated = await updateAdministrator(id, change);
    administrators.value = administrators.value.map((one) => (one.id === id ? updated : one));
    return updated;
  }
  async function remove(id: string): Promise<void> {
    await deleteAdministrator(id);
    await list.load();
  }
  async function resend(ids: string[]): Promise<AdministratorResults> {
    const results = await resendAdministratorInvitations(ids);
    await list.load();
    return results;
  }
  /** Resends to the administrator with this email (an outbox message names its recipient only). */
  async function resendByEmail(email: string): Promise<AdministratorResults> {
    const found = await listAdministrators({ q: email, pageSize: 25 });
    const administrator = found.items.find(
      (one) => one.email.toLowerCase() === email.toLowerCase(),
    );
    if (!administrator)
      throw new Error(`No administrator with the email ${email} is within reach.`);
    return resend([administrator.id]);
  }
  async function resetPassword(id: string): Promise<Administrator> {
    const updated = await resetAdministratorPassword(id);
    administrators.value = administrators.value.map((one) => (one.id === id ? updated : one));
    return updated;
  }
  function reset(): void {
    q.value = '';
    list.resetList();
  }

  return {
    administrators,
    ...paging,
    q,
    invite,
    update,
    remove,
    resend,
    resendByEmail,
    resetPassword,
    reset,
  };
});
