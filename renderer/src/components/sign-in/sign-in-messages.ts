// Sign-in failures in words a help-desk admin can act on, chosen by the failure's code (main's own
// or the service's, passed on through the IPC envelope); the sentence is shown, never parsed.
import type { IpcErrorCode } from '../../bridge/bridge-error';
import { assertNever } from '../../utils/assert-never';

export type SignInProblem = 'wrong-password' | 'locked-out' | 'unreachable' | 'vault' | 'other';

export interface SignInMessage {
  problem: SignInProblem;
  title: string;
  text: string;
}

/** What went wrong: the code decides, the message is the sentence to show. */
export interface SignInFailure {
  code: IpcErrorCode;
  message: string;
}

const problemByCode: Partial<Record<IpcErrorCode, SignInProblem>> = {
  INVALID_CREDENTIALS: 'wrong-password',
  TOO_MANY_ATTEMPTS: 'locked-out',
  HTTP_429: 'locked-out',
  SERVICE_UNREACHABLE: 'unreachable',
  VAULT_UNAVAILABLE: 'vault',
};

/** The problem behind a code; `other` for every code without its own advice. */
export function signInProblem(code: IpcErrorCode): SignInProblem {
  return problemByCode[code] ?? 'other';
}

/** Classifies a failure by its code and adds what to do next. */
export function describeSignInFailure(failure: SignInFailure): SignInMessage {
  const text = failure.message.trim() || 'Signing in did not work. Try again.';
  const problem = signInProblem(failure.code);
  switch (problem) {
    case 'wrong-password':
      return {
        problem,
        title: 'Wrong email or password',
        text: `${text} Check the administrator email of this connection and type the password again.`,
      };
    case 'locked-out':
      return {
        problem,
        title: 'Signing in is paused',
        text: `${text} The service pauses sign-ins after repeated wrong passwords to protect the account; another administrator can help you meanwhile.`,
      };
    case 'unreachable':
      return {
        problem,
        title: 'The service cannot be reached',
        text: `${text} Check the service address and that the service is running, or use the service on this computer.`,
      };
    case 'vault':
      return { problem, title: 'Your password cannot be remembered here', text };
    case 'other':
      return { problem, title: 'Signing in did not work', text };
    default:
      return assertNever(problem);
  }
}
