// Audit actions (`account.created`, `administrator.invited`…) as sentences a help-desk admin reads.
import type { AuditAction } from '../../../common/api/audit';

// Keyed by every AuditAction: an action added in common/api/audit.ts without a sentence here fails
// the typecheck.
const knownActions: Record<AuditAction, string> = {
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'administrator.password_changed': 'Changed their password',
  'account.created': 'Added an account',
  'account.created_and_invited': 'Added and invited an account',
  'account.updated': 'Edited an account',
  'account.invited': 'Invited an account',
  'account.invitation_resent': 'Resent an invitation',
  'account.invitation_failed': 'An invitation could not be delivered',
  'account.suspended': 'Suspended an account',
  'account.unsuspended': 'Unsuspended an account',
  'account.moved': 'Moved an account',
  'account.deleted': 'Deleted an account',
  'account.activated': 'Account activated on a device',
  'administrator.bootstrapped': 'First administrator created',
  'administrator.invited': 'Invited an administrator',
  'administrator.changed': 'Changed an administrator',
  'administrator.deleted': 'Removed an administrator',
  'administrator.invitation_resent': 'Resent an administrator invitation',
  'administrator.password_reset': 'Reset an administrator’s password',
  'numbers.added': 'Added numbers',
  'number.updated': 'Reserved or released a number',
  'number.allocated': 'Allocated a number to a sub-organization',
  'number.withdrawn': 'Withdrew a number to the parent',
  'organization.created': 'Added an organization',
  'organization.settings_changed': 'Changed organization settings',
  'organization.invitation_template_changed': 'Changed the invitation template',
  'permission_profile.created': 'Added a permission profile',
  'import.created': 'Started an import',
  'import.completed': 'Completed an import',
};

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(knownActions, action);
}

/** Action codes the Activity filter offers, with their sentences. */
export const knownAuditActions = (Object.keys(knownActions) as AuditAction[]).map((code) => ({
  code,
  label: knownActions[code],
}));

/** A readable sentence for an action code; unknown codes become "Account created" style text. */
export function auditActionLabel(action: string): string {
  const known = isAuditAction(action) ? knownActions[action] : undefined;
  if (known) return known;
  const words = action
    .replace(/[._]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Change';
}

/** Groups of actions offered in the Activity filter (the prefix before the dot). */
export function auditActionArea(action: string): string {
  return action.split('.')[0] ?? action;
}

/** A short "key: value · key: value" line of the event details, leaving out bulky values. */
export function auditDetailsLine(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${detailValue(value)}`)
    .join(' · ');
}

function detailValue(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(detailValue).join(', ');
    return value.length > 5 ? `${shown} … (${value.length})` : shown;
  }
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
