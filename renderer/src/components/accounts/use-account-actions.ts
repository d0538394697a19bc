// What the Accounts screen does with accounts once a button or dialog asked for it: invite, resend,
// suspend, export, and the sentence each outcome ends with; the screen only opens dialogs and the panel.
import { ref, type Ref } from 'vue';
import { errorMessage } from '../../api/api-error';
import { useAccountsStore, type ExportOutcome } from '../../stores/accounts';
import { organizationLabel, useOrganizationsStore } from '../../stores/organizations';
import { useNotify } from '../../composables/use-notify';
import type { Account, NumberDisposition } from '../../../../common/api/accounts';
import type { Organization } from '../../../../common/api/organizations';
import type { AccountAction } from './account-action';
import { summariseBulk } from './bulk-results';

/** The state and handlers the Accounts screen binds to its bulk bar, header, dialogs and panel. */
export interface AccountActions {
  bulkBusy: Ref<'resend' | 'export' | null>;
  panelBusy: Ref<AccountAction | null>;
  exporting: Ref<boolean>;
  created(account: Account, invited: boolean): void;
  moved(target: Organization, count: number): void;
  deleted(count: number, disposition: NumberDisposition, numbers: number): void;
  bulkResend(): Promise<void>;
  bulkExport(): Promise<void>;
  exportAll(): Promise<void>;
  /** Invite, resend or (un)suspend one account; answers the account as it is afterwards. */
  panelAction(action: AccountAction, account: Account): Promise<Account>;
}

/** Account actions with their notifications; `afterMoveOrDelete` closes what showed the old accounts. */
export function useAccountActions(afterMoveOrDelete: () => void): AccountActions {
  const accounts = useAccountsStore();
  const organizations = useOrganizationsStore();
  const notify = useNotify();
  const bulkBusy = ref<'resend' | 'export' | null>(null);
  const panelBusy = ref<AccountAction | null>(null);
  const exporting = ref(false);

  /** Accounts, counts and the organizations' capacity all change with an account. */
  async function afterChange(): Promise<void> {
    await Promise.all([accounts.refresh(), organizations.load()]);
  }

  function created(account: Account, invited: boolean): void {
    const name = `${account.firstName} ${account.lastName}`;
    notify.success(
      invited
        ? `${name} was added and invited (${account.username}).`
        : `${name} was added as Not Invited.`,
    );
    void afterChange();
  }

  function moved(target: Organization, count: number): void {
    notify.success(
      `${count === 1 ? '1 account' : `${count} accounts`} moved to ${organizationLabel(target)}.`,
    );
    accounts.clearSelection();
    afterMoveOrDelete();
    void afterChange();
  }

  function deleted(count: number, disposition: NumberDisposition, numbers: number): void {
    const what = count === 1 ? '1 account deleted' : `${count} accounts deleted`;
    const held = numbers === 1 ? 'Its number is' : `${numbers} numbers are`;
    const numberNote =
      numbers === 0
        ? ''
        : disposition === 'reserve'
          ? ` ${held} reserved with the tag RE-INVITE.`
          : ` ${held} Available again.`;
    notify.success(`${what}.${numberNote}`);
    accounts.clearSelection();
    afterMoveOrDelete();
    void afterChange();
  }

  async function runInvitations(kind: 'invite' | 'resend', list: Account[]): Promise<void> {
    const ids = list.map((account) => account.id);
    const result =
      kind === 'invite' ? await accounts.invite(ids) : await accounts.resendInvitations(ids);
    const summary = summariseBulk(result, list, kind === 'invite' ? 'invited' : 'resent');
    if (summary.failed) notify.warning(summary.text, summary.details);
    else notify.success(summary.text);
    await afterChange();
  }

  function reportExport(outcome: ExportOutcome): void {
    if (outcome.saved) notify.success(`Exported to ${outcome.filePath}`);
  }

  /** Runs `work` with `busy` set, telling a failure as a sentence. */
  async function withBusy<T>(busy: Ref<T | null>, value: T, work: () => Promise<void>) {
    busy.value = value;
    try {
      await work();
    } catch (error) {
      notify.error(errorMessage(error));
    } finally {
      busy.value = null;
    }
  }

  return {
    bulkBusy,
    panelBusy,
    exporting,
    created,
    moved,
    deleted,
    bulkResend: () =>
      withBusy(bulkBusy, 'resend', () => runInvitations('resend', accounts.selection)),
    bulkExport: () =>
      withBusy(bulkBusy, 'export', async () =>
        reportExport(await accounts.exportSelected(accounts.selection)),
      ),
    exportAll: async () => {
      exporting.value = true;
      try {
        reportExport(await accounts.exportFiltered());
      } catch (error) {
        notify.error(errorMessage(error));
      } finally {
        exporting.value = false;
      }
    },
    async panelAction(action, account) {
      await withBusy(panelBusy, action, async () => {
        if (action === 'invite' || action === 'resend') {
          await runInvitations(action, [account]);
          return;
        }
        await accounts.suspend([account.id], action === 'suspend');
        notify.success(
          `${account.firstName} ${account.lastName} is ${action === 'suspend' ? 'suspended' : 'no longer suspended'}.`,
        );
        await afterChange();
      });
      return accounts.items.find((item) => item.id === account.id) ?? account;
    },
  };
}
