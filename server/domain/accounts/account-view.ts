// Turns an accounts row into the API's Account shape (api.md "Account").
import type { Account, Application } from '../../../common/api/accounts';
import type { AccountRow } from '../../db/schema';
import { parseJson } from '../../db/values';

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    organizationId: row.organization_id,
    firstName: row.first_name,
    lastName: row.last_name,
    contact: row.contact,
    contactType: row.contact_type,
    username: row.username,
    applications: parseJson<Application[]>(row.applications, ['MultiLine']),
    linesAllowed: row.lines_allowed,
    permissionProfileId: row.permission_profile_id,
    number: row.number,
    personalPhone: row.personal_phone,
    status: row.status,
    invitedAt: row.invited_at,
    activatedAt: row.activated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
