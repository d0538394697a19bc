// Audit events (Reports): who did what, when, to what; oldest first.
import { api } from './client';
import { parseAnswer } from './answer';
import { auditEventPageSchema } from '../../../common/api/audit';
import type { AuditEvent } from '../../../common/api/audit';
import type { Paged } from '../../../common/api/paging';

export interface AuditQuery {
  organizationId?: string;
  action?: string;
  targetId?: string;
  page?: number;
  pageSize?: number;
}

export async function listAuditEvents(query: AuditQuery = {}): Promise<Paged<AuditEvent>> {
  const params: Record<string, string | number> = {
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 50,
  };
  if (query.organizationId) params.organizationId = query.organizationId;
  if (query.action) params.action = query.action;
  if (query.targetId) params.targetId = query.targetId;
  const response = await api.get('/audit-events', { params });
  return parseAnswer(auditEventPageSchema, response.data, 'the activity log');
}
