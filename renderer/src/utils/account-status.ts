// Account statuses in the product's words; the union itself comes from the common DTOs.
import { assertNever } from './assert-never';
import { defaultStatusOrder, type AccountStatus } from '../../../common/api/accounts';

export type { AccountStatus } from '../../../common/api/accounts';
/** In the grid's default order: Activated, Invitation Failed, Invited, Not Invited, Suspended. */
export const accountStatuses = defaultStatusOrder;

/** "Invitation Failed" for invitation_failed, and so on. */
export function accountStatusLabel(status: AccountStatus): string {
  switch (status) {
    case 'activated':
      return 'Activated';
    case 'invitation_failed':
      return 'Invitation Failed';
    case 'invited':
      return 'Invited';
    case 'not_invited':
      return 'Not Invited';
    case 'suspended':
      return 'Suspended';
    default:
      return assertNever(status);
  }
}

/** A status's theme colour and icon: green Activated, amber Invited, red failures, neutral Not Invited. */
export function accountStatusLook(status: AccountStatus): { color: string; icon: string } {
  switch (status) {
    case 'activated':
      return { color: 'success', icon: 'mdi-check-circle' };
    case 'invited':
      return { color: 'warning', icon: 'mdi-email-fast-outline' };
    case 'invitation_failed':
      return { color: 'error', icon: 'mdi-email-alert-outline' };
    case 'suspended':
      return { color: 'error', icon: 'mdi-cancel' };
    case 'not_invited':
      return { color: 'neutral', icon: 'mdi-clock-outline' };
    default:
      return assertNever(status);
  }
}
