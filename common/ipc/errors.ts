// The codes an IPC error envelope carries: main's own, and the service's codes main passes on.
// Screens decide on these codes, never on the sentence next to them.
import type { ErrorCode } from '../errors';

/** Append a code here when main gains a new failure (MainError only takes these). */
export const mainErrorCodes = [
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INVALID_ARGUMENTS',
  'INTERNAL',
  'SERVICE_UNREACHABLE',
  'UNEXPECTED_ANSWER',
  'SESSION_EXPIRED',
  'PASSWORD_REQUIRED',
  'PROFILE_NOT_FOUND',
  'INVALID_PROFILE',
  'NOTHING_SAVED',
  'VAULT_UNAVAILABLE',
  'LOCAL_SERVICE_FAILED',
  'LOCAL_SERVICE_LOCKED',
  'FILE_NOT_SAVED',
  'LINK_NOT_ALLOWED',
  /** The page runs outside the desktop shell (no `window.linedesk`). */
  'BRIDGE_UNAVAILABLE',
  /** A dropped file the preload cannot find on disk. */
  'FILE_WITHOUT_PATH',
  'NOT_IMPLEMENTED',
  'DRAFT_NOT_FOUND',
  'UPLOAD_NOT_FOUND',
  /** A path main will not open (not absolute, not CSV-like, not a regular file). */
  'FILE_REFUSED',
  'FILE_NOT_FOUND',
  'ROW_NOT_FOUND',
  /** A draft whose saved copy of its file can no longer be read. */
  'DRAFT_UNREADABLE',
  /** A platform piece (e.g. the Open dialog) this host does not have. */
  'NOT_AVAILABLE',
] as const;

/** A failure main itself detects. */
export type MainErrorCode = (typeof mainErrorCodes)[number];

/** Every code an IPC error may carry: main's, the service's, or `HTTP_<status>` for an unknown one. */
export type IpcErrorCode = MainErrorCode | ErrorCode | `HTTP_${number}`;

/**
 * What a bridge call rejects with. A plain object, not an Error: Electron's contextBridge copies
 * only the message of an Error into the page, while a plain object crosses whole.
 */
export interface IpcFailure {
  name: 'BridgeError';
  code: IpcErrorCode;
  message: string;
}
