// Sign-in failures in words a help-desk admin can act on, recognised from main's sentence or code.
export type SignInProblem = 'wrong-password' | 'locked-out' | 'unreachable' | 'vault' | 'other';

export interface SignInMessage {
  problem: SignInProblem;
  title: string;
  text: string;
}

/** Classifies the sentence main rejected with and adds what to do next. */
export function describeSignInFailure(message: string): SignInMessage {
  const text = message.trim() || 'Signing in did not work. Try again.';
  if (
    /INVALID_CREDENTIALS|email( address)? or password|password (is|was) (not (right|correct)|wrong|incorrect)|credentials/i.test(
      text,
    )
  ) {
    return {
      problem: 'wrong-password',
      title: 'Wrong email or password',
      text: `${text} Check the administrator email of this connection and type the password again.`,
    };
  }
  if (/TOO_MANY_ATTEMPTS|too many|locked|429/i.test(text)) {
    return {
      problem: 'locked-out',
      title: 'Signing in is paused',
      text: `${text} The service pauses sign-ins after repeated wrong passwords to protect the account; another administrator can help you meanwhile.`,
    };
  }
  if (/reach|unreachable|ECONNREFUSED|network|timed? ?out|not running|fetch failed/i.test(text)) {
    return {
      problem: 'unreachable',
      title: 'The service cannot be reached',
      text: `${text} Check the service address and that the service is running, or use the service on this computer.`,
    };
  }
  if (/safeStorage|secure storage|keychain|encrypt|secret|basic_text|vault/i.test(text)) {
    return { problem: 'vault', title: 'Your password cannot be remembered here', text };
  }
  return { problem: 'other', title: 'Signing in did not work', text };
}
