// Number pool states in the product's words, with their colour and meaning.
import type { NumberState } from '../../../common/api/numbers';
import { assertNever } from './assert-never';

export const numberStateOrder: readonly NumberState[] = [
  'available',
  'reserved',
  'assigned',
  'registered',
];

export interface NumberStateLook {
  label: string;
  color: string;
  meaning: string;
}

export function numberStateLook(state: NumberState): NumberStateLook {
  switch (state) {
    case 'available':
      return {
        label: 'Available',
        color: 'success',
        meaning: 'Free: may be assigned to an invitation or chosen at onboarding.',
      };
    case 'reserved':
      return {
        label: 'Reserved',
        color: 'warning',
        meaning: 'Set aside with a tag; assigned only explicitly by an administrator.',
      };
    case 'assigned':
      return {
        label: 'Assigned',
        color: 'info',
        meaning: 'Held by an account that has not activated yet.',
      };
    case 'registered':
      return {
        label: 'Registered',
        color: 'secondary',
        meaning: 'In use by an activated account.',
      };
    default:
      return assertNever(state);
  }
}
