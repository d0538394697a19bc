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
