// The six administrator privileges in the product's words, with what each one allows.
import {
  privilegeLabels,
  privileges,
  privilegesBeyond,
  type Privilege,
} from '../../../common/api/administrators';

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

/**
 * Why the signed-in administrator may not change, remove, resend to or reset a colleague who holds
 * privileges they lack (the service refuses it too); null when they may.
 */
export function colleagueRefusal(
  actor: readonly Privilege[],
  colleague: { name: string; privileges: readonly Privilege[] },
): string | null {
  const beyond = privilegesBeyond(actor, colleague.privileges);
  if (beyond.length === 0) return null;
  const names = beyond.map((privilege) => privilegeLabels[privilege]).join(', ');
  return `${colleague.name} holds the ${names} privilege${beyond.length > 1 ? 's' : ''}, which you do not have, so only an administrator who has ${beyond.length > 1 ? 'them' : 'it'} can do this.`;
}
