// Why a number action is not possible right now (null when it is): the missing privilege, numbers
// in the wrong state, or no organization to move them to. One sentence each, shown on the button.
import { computed, type ComputedRef } from 'vue';
import type { NumberState } from '../../../../common/api/numbers';
import type { Organization } from '../../../../common/api/organizations';
import { useNumbersAdminStore } from '../../stores/numbers-admin';
import { organizationLabel, useOrganizationsStore } from '../../stores/organizations';
import { useSessionStore } from '../../stores/session';
import { missingPrivilegeMessage } from '../../utils/privileges';

/** Allocate to a sub-organization or withdraw to the parent. */
export type MoveMode = 'allocate' | 'withdraw';

export interface NumberActionReasons {
  noNumbersPrivilege: ComputedRef<string | null>;
  reserveReason(numbers: string[]): string | null;
  releaseReason(numbers: string[]): string | null;
  moveReason(numbers: string[], mode: MoveMode): string | null;
}

/** The reasons for the pool of `organization()`, judged on the numbers of the current page. */
export function useNumberActionReasons(organization: () => Organization): NumberActionReasons {
  const store = useNumbersAdminStore();
  const organizations = useOrganizationsStore();
  const session = useSessionStore();

  const noNumbersPrivilege = computed(() =>
    session.can('numbers') ? null : missingPrivilegeMessage('numbers'),
  );

  function statesOf(numbers: string[]): Set<NumberState> {
    const chosen = new Set(numbers);
    return new Set(store.numbers.filter((one) => chosen.has(one.number)).map((one) => one.state));
  }

  function reserveReason(numbers: string[]): string | null {
    if (noNumbersPrivilege.value) return noNumbersPrivilege.value;
    const found = statesOf(numbers);
    if (found.has('assigned') || found.has('registered'))
      return 'Numbers held by accounts cannot be reserved.';
    return null;
  }

  function releaseReason(numbers: string[]): string | null {
    if (noNumbersPrivilege.value) return noNumbersPrivilege.value;
    if ([...statesOf(numbers)].some((state) => state !== 'reserved'))
      return 'Only Reserved numbers can be released.';
    return null;
  }

  function moveReason(numbers: string[], mode: MoveMode): string | null {
    if (noNumbersPrivilege.value) return noNumbersPrivilege.value;
    if ([...statesOf(numbers)].some((state) => state !== 'available')) {
      return `Only Available numbers can be ${mode === 'allocate' ? 'allocated' : 'withdrawn'}; release reserved ones first.`;
    }
    const current = organization();
    if (
      mode === 'allocate' &&
      !organizations.organizations.some((one) => one.parentId === current.id)
    ) {
      return `${organizationLabel(current)} has no sub-organization to allocate to.`;
    }
    if (mode === 'withdraw' && !(current.parentId && organizations.byId.get(current.parentId))) {
      return 'This is the top of your organization tree: there is no parent to withdraw to.';
    }
    return null;
  }

  return { noNumbersPrivilege, reserveReason, releaseReason, moveReason };
}
