// Audit events (Reports): who did what, when, to what; oldest first — the Activity screen's list
// and its CSV export, with the same filters.
import { auditEventPageSchema, type AuditEvent } from '../../../common/api/audit';
import type { Paged } from '../../../common/api/paging';
import { pageParams, type PageRequest } from './paging';
import { csvText, request } from './request';

export interface AuditFilter {
  organizationId?: string | null;
  includeSubOrganizations?: boolean;
  action?: string;
  targetId?: string;
  administratorId?: string | null;
  /** Dates `YYYY-MM-DD` (inclusive) in `timeZone`. */
  from?: string | null;
  to?: string | null;
  timeZone?: string;
}

export type AuditQuery = AuditFilter & PageRequest;

function filterParams(query: AuditFilter): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  if (query.organizationId) {
    params.organizationId = query.organizationId;
    params.includeSubOrganizations = query.includeSubOrganizations ?? false;
  }
  if (query.action) params.action = query.action;
  if (query.targetId) params.targetId = query.targetId;
  if (query.administratorId) params.administratorId = query.administratorId;
  if (query.from) params.from = query.from;
  if (query.to) params.to = query.to;
  if ((query.from || query.to) && query.timeZone) params.timeZone = query.timeZone;
  return params;
}

/** One page of the activity log. */
export function listAuditEvents(query: AuditQuery = {}): Promise<Paged<AuditEvent>> {
  return request(auditEventPageSchema, {
    url: '/audit-events',
    params: { ...filterParams(query), ...pageParams(query) },
    what: 'the activity log',
  });
}

/** Every matching event as the service's formula-safe CSV. */
export function exportAuditEventsCsv(filter: AuditFilter): Promise<string> {
  return request(csvText.schema, {
    ...csvText.config,
    url: '/audit-events.csv',
    params: filterParams(filter),
    what: 'the activity export',
  });
}
