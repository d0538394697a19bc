// Sign-in failures are recognised by the code main or the service sends, with their real sentences.
import { describe, expect, it } from 'vitest';
import { describeSignInFailure } from '../../renderer/src/components/sign-in/sign-in-messages';
import type { IpcErrorCode } from '../../renderer/src/bridge/bridge-error';

describe('describeSignInFailure', () => {
  it.each<[IpcErrorCode, string, string]>([
    ['INVALID_CREDENTIALS', 'The email address or password is not correct.', 'wrong-password'],
    ['TOO_MANY_ATTEMPTS', 'Too many failed sign-ins. Try again in 15 minutes.', 'locked-out'],
    [
      'SERVICE_UNREACHABLE',
      'Linedesk could not reach the service at 127.0.0.1:9. Check the address and your connection, and that the service is running.',
      'unreachable',
    ],
    [
      'VAULT_UNAVAILABLE',
      'This computer offers no secure storage to Linedesk, so passwords are not remembered.',
      'vault',
    ],
    ['INTERNAL', 'Something else entirely.', 'other'],
  ])('%s: %s → %s', (code, message, problem) => {
    const described = describeSignInFailure({ code, message });
    expect(described.problem).toBe(problem);
    expect(described.text).toContain(message);
  });

  it('decides on the code, never on the words of the sentence', () => {
    const message = 'The email address or password is not correct; too many attempts; unreachable.';
    expect(describeSignInFailure({ code: 'PASSWORD_REQUIRED', message }).problem).toBe('other');
    expect(describeSignInFailure({ code: 'HTTP_429', message: 'Slow down.' }).problem).toBe(
      'locked-out',
    );
  });
});
