// Small conversions between rows and API values shared by every repository: flags, JSON text,
// times, ids, and recognising constraint violations on either dialect.
import { randomUUID } from 'node:crypto';
import type { Flag } from './schema';

export const newId = (): string => randomUUID();

/** ISO 8601 UTC, millisecond precision: sorts correctly as text. */
export const isoNow = (now: Date = new Date()): string => now.toISOString();

export const flag = (value: boolean): Flag => (value ? 1 : 0);
export const isSet = (value: number | boolean | null | undefined): boolean =>
  value === true || value === 1;

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** PostgreSQL may hand back counts as strings or bigints; always a number here. */
export const toCount = (value: unknown): number => {
  const number = typeof value === 'bigint' ? Number(value) : Number(value ?? 0);
  return Number.isFinite(number) ? number : 0;
};

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function constraintName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const record = error as { constraint?: unknown; message?: unknown };
  return `${typeof record.constraint === 'string' ? record.constraint : ''} ${typeof record.message === 'string' ? record.message : ''}`;
}

/** A unique or primary-key violation; `hint` (a constraint or column name) narrows it. */
export function isUniqueViolation(error: unknown, hint?: string): boolean {
  const code = errorCode(error);
  const unique =
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  return unique && (hint === undefined || constraintName(error).includes(hint));
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** `%q%` with LIKE wildcards in q escaped (use with `escape '\'`). */
export function likeContains(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
