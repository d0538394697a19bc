// The error every main-process service throws: a stable code plus a sentence a help-desk
// administrator can act on. The IPC router turns it into an `{ ok: false, error }` envelope.
import type { IpcErrorCode } from '../../../common/ipc/errors';

/** A failure of main with the code the page decides on (common/ipc/errors.ts). */
export class MainError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MainError';
  }
}

/** True for errors main threw on purpose (their code and sentence go to the page as they are). */
export function isMainError(error: unknown): error is MainError {
  return error instanceof MainError;
}
