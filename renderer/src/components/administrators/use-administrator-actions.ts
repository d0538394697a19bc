// What the Administrators screen does once asked: reset a password, remove a colleague, resend
// invitations (one or many), each told in a snackbar sentence.
import { ref, type Ref } from 'vue';
import { errorMessage } from '../../api/api-error';
import { useAdministratorsStore } from '../../stores/administrators';
import { useNotify } from '../../composables/use-notify';
import type { Administrator } from '../../../../common/api/administrators';

/** What a row of the administrators grid asks for. */
export type AdministratorAction = 'resend' | 'resetPassword' | 'edit' | 'remove';

/** The actions and the one busy flag their buttons and confirmations share. */
export interface AdministratorActions {
  busy: Ref<boolean>;
  /** True when the password was reset (the confirmation closes). */
  resetPassword(administrator: Administrator): Promise<boolean>;
  /** True when the administrator was removed. */
  remove(administrator: Administrator): Promise<boolean>;
  /** True when the service answered (some may have failed, as the snackbar says). */
  resend(ids: string[]): Promise<boolean>;
}

/** Administrator actions with their notifications. */
export function useAdministratorActions(): AdministratorActions {
  const store = useAdministratorsStore();
  const notify = useNotify();
  const busy = ref(false);

  /** Runs `work` with `busy` set; a failure is told with `failed` before the reason. */
  async function run(failed: string, work: () => Promise<void>): Promise<boolean> {
    busy.value = true;
    try {
      await work();
      return true;
    } catch (error) {
      notify.error(`${failed}: ${errorMessage(error)}`);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    busy,
    resetPassword: (administrator) =>
      run(`The password of ${administrator.name} was not reset`, async () => {
        await store.resetPassword(administrator.id);
        notify.success(
          `The password of ${administrator.name} was reset; a new temporary password was sent to ${administrator.email}.`,
        );
      }),
    remove: (administrator) =>
      run(`${administrator.name} was not removed`, async () => {
        await store.remove(administrator.id);
        notify.success(
          `${administrator.name} (${administrator.email}) was removed and can no longer sign in.`,
        );
      }),
    resend: (ids) =>
      run('Invitations were not resent', async () => {
        const { results } = await store.resend(ids);
        const emails = new Map(store.administrators.map((one) => [one.id, one.email]));
        const failures = results.filter((result) => !result.ok);
        const done = results.length - failures.length;
        if (failures.length === 0) {
          notify.success(
            done === 1
              ? `Invitation resent to ${emails.get(results[0]?.administratorId ?? '') ?? 'the administrator'} with a new temporary password.`
              : `Invitation resent to ${done} administrators, each with a new temporary password.`,
          );
          return;
        }
        notify.error(
          `${done} resent, ${failures.length} failed.`,
          failures.map(
            (result) =>
              `${emails.get(result.administratorId) ?? result.administratorId}: ${result.error?.message ?? 'not resent'}`,
          ),
        );
      }),
  };
}
