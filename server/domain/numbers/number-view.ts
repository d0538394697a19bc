// Turns a numbers row into the API's Number shape (api.md "Number").
import type { PoolNumber } from '../../../common/api/numbers';
import type { NumberRow } from '../../db/schema';

export function toPoolNumber(row: NumberRow): PoolNumber {
  return {
    number: row.number,
    organizationId: row.organization_id,
    state: row.state,
    tag: row.tag,
    accountId: row.account_id,
  };
}
