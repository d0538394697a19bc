// The error every bridge call rejects with in the renderer: the IPC envelope's code plus a sentence
// an administrator can read. Screens decide on `code`, never on the sentence.
import type { IpcErrorCode } from '../../../common/ipc/errors';

export type { IpcErrorCode } from '../../../common/ipc/errors';

/** A failed request to main, with the envelope's code. */
export class BridgeError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
  }
}

const fallbackSentence = 'Something went wrong in Linedesk. Try again.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Electron prefixes remote errors with "Error invoking remote method 'x': Error: ". */
function cleanSentence(message: string): string {
  return message.replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, '');
}

/** Any rejection of a bridge call (the preload's `{name, code, message}` object, an Error) as a BridgeError. */
export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new BridgeError(
      error.code as IpcErrorCode,
      cleanSentence(error.message) || fallbackSentence,
    );
  }
  if (error instanceof Error && error.message) {
    return new BridgeError('INTERNAL', cleanSentence(error.message));
  }
  return new BridgeError('INTERNAL', fallbackSentence);
}
