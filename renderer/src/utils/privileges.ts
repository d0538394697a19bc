// The six administrator privileges in the product's words, with what each one allows.
import { privilegeLabels, privileges, type Privilege } from '../../../common/api/administrators';

export { privilegeLabels, privileges, type Privilege };

/** One sentence per privilege, shown beside its checkbox and in tooltips. */
export const privilegeDescriptions: Record<Privilege, string> = {
  accounts: 'Add, invite, edit, move and delete accounts.',
  accounts_bulk: 'Import accounts from CSV files and act on many accounts at once.',
  numbers: 'Add numbers to pools, reserve and release them, allocate them to sub-organizations.',
  administrators: 'Invite administrators, change their privileges and remove them.',
  setup:
    'Invitation templates, permission profiles, sub-organizations and email-domain restrictions.',
  reports: 'See the activity log (who did what, and when).',
};

/** "Accounts, Numbers" — the privileges of an administrator in the canonical order. */
export function privilegeSummary(granted: readonly Privilege[]): string {
  const set = new Set(granted);
  const names = privileges.filter((privilege) => set.has(privilege)).map((p) => privilegeLabels[p]);
  return names.length ? names.join(', ') : 'No privileges';
}

/** The sentence for a control disabled because the signed-in administrator lacks a privilege. */
export function missingPrivilegeMessage(privilege: Privilege): string {
  return `You need the ${privilegeLabels[privilege]} privilege to do this. Ask an administrator who has it.`;
}
