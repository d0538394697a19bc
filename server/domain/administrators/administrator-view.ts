// Administrator rows → the API's Administrator shape.
import type { Administrator } from '../../../common/api/administrators';
import type { AdministratorRow } from '../../db/schema';
import { parsePrivileges } from './signed-in-administrator';

export function toAdministrator(row: AdministratorRow): Administrator {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    privileges: parsePrivileges(row.privileges),
    status: row.status,
    invitedAt: row.invited_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
