// How long a sign-in lasts: a refresh chain ends LINEDESK_SESSION_HOURS after sign-in at the latest
// and after LINEDESK_IDLE_MINUTES without a refresh (access tokens last 15 minutes, so a working
// app refreshes well within that).
import type { ServiceConfig } from '../../config';

type Limits = Pick<ServiceConfig, 'sessionHours' | 'idleMinutes'>;

/** When a session signed in at `createdAt` ends at the latest. */
export function sessionEndsAt(limits: Limits, createdAt: string | Date): Date {
  return new Date(new Date(createdAt).getTime() + limits.sessionHours * 3_600_000);
}

/** Sessions signed in before this moment have reached their maximum age. */
export function sessionStartedAfter(limits: Limits, now: Date): Date {
  return new Date(now.getTime() - limits.sessionHours * 3_600_000);
}

/** When a refresh token issued now stops working: idle limit, never past the session's end. */
export function refreshTokenEndsAt(limits: Limits, createdAt: string | Date, now: Date): Date {
  const idleEnd = now.getTime() + limits.idleMinutes * 60_000;
  return new Date(Math.min(idleEnd, sessionEndsAt(limits, createdAt).getTime()));
}
