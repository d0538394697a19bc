// Audit events (Reports): who did what, when, to what; oldest first.
import { auditEventPageSchema, type AuditEvent } from '../../../common/api/audit';
import type { Paged } from '../../../common/api/paging';
import { pageParams, type PageRequest } from './paging';
import { request } from './request';

export interface AuditQuery extends PageRequest {
  organizationId?: string;
  action?: string;
  targetId?: string;
}

/** One page of the activity log. */
export function listAuditEvents(query: AuditQuery = {}): Promise<Paged<AuditEvent>> {
  const params: Record<string, string | number> = pageParams(query);
  if (query.organizationId) params.organizationId = query.organizationId;
  if (query.action) params.action = query.action;
  if (query.targetId) params.targetId = query.targetId;
  return request(auditEventPageSchema, {
    url: '/audit-events',
    params,
    what: 'the activity log',
  });
}
