// Turns a numbers row into the API's Number shape (api.md "Number"), with the holding account's
// name and contact when the list joined them (so screens never show a bare account id).
import type { PoolNumber } from '../../../common/api/numbers';
import type { NumberRow } from '../../db/schema';

/** The holding account's name parts and contact, as a list query joins them. */
export interface NumberHolder {
  account_first_name?: string | null;
  account_last_name?: string | null;
  account_contact?: string | null;
}

/** A numbers row (with its holder's names when joined) as the API's Number. */
export function toPoolNumber(row: NumberRow & NumberHolder): PoolNumber {
  const name = [row.account_first_name, row.account_last_name].filter(Boolean).join(' ');
  return {
    number: row.number,
    organizationId: row.organization_id,
    state: row.state,
    tag: row.tag,
    accountId: row.account_id,
    ...(row.account_id && name
      ? { accountName: name, accountContact: row.account_contact ?? null }
      : {}),
  };
}
