// The error every main-process service throws: a stable code plus a sentence a help-desk
// administrator can act on. The IPC router turns it into an `{ ok: false, error }` envelope.
export class MainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MainError';
  }
}

export function isMainError(error: unknown): error is MainError {
  return error instanceof MainError;
}
