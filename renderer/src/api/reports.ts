// Reports: the summary dashboard and the follow-up queue (Reports privilege), parsed with common/api.
import {
  followUpPageSchema,
  reportSummarySchema,
  type FollowUpPage,
  type ReportSummary,
} from '../../../common/api/reports';
import { pageParams, type PageRequest } from './paging';
import { request } from './request';

/** The organization scope and days of a report (dates inclusive, in `timeZone`). */
export interface ReportQuery {
  organizationId?: string | null;
  includeSubOrganizations?: boolean;
  from: string;
  to: string;
  timeZone: string;
}

function scopeParams(query: Pick<ReportQuery, 'organizationId' | 'includeSubOrganizations'>) {
  const params: Record<string, string | number | boolean> = {};
  if (query.organizationId) {
    params.organizationId = query.organizationId;
    params.includeSubOrganizations = query.includeSubOrganizations ?? false;
  }
  return params;
}

/** The dashboard's numbers. */
export function getReportSummary(query: ReportQuery, signal?: AbortSignal): Promise<ReportSummary> {
  return request(reportSummarySchema, {
    url: '/reports/summary',
    params: { ...scopeParams(query), from: query.from, to: query.to, timeZone: query.timeZone },
    signal,
    what: 'the report',
  });
}

export interface FollowUpQuery extends PageRequest {
  organizationId?: string | null;
  includeSubOrganizations?: boolean;
  /** Default: the organization's followUpDays. */
  olderThanDays?: number | null;
}

/** One page of the follow-up queue, oldest first. */
export function listFollowUps(query: FollowUpQuery, signal?: AbortSignal): Promise<FollowUpPage> {
  const params: Record<string, string | number | boolean> = {
    ...scopeParams(query),
    ...pageParams(query),
  };
  if (query.olderThanDays !== null && query.olderThanDays !== undefined) {
    params.olderThanDays = query.olderThanDays;
  }
  return request(followUpPageSchema, {
    url: '/reports/follow-up',
    params,
    signal,
    what: 'the follow-up queue',
  });
}
