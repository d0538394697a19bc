// Sign-in failures are recognised from the sentences main and the service actually send.
import { describe, expect, it } from 'vitest';
import { describeSignInFailure } from '../../renderer/src/components/sign-in/sign-in-messages';

describe('describeSignInFailure', () => {
  it.each([
    ['The email address or password is not correct.', 'wrong-password'],
    ['Too many failed sign-ins. Try again in 15 minutes.', 'locked-out'],
    [
      'Linedesk could not reach the service at 127.0.0.1:9. Check the address and your connection, and that the service is running.',
      'unreachable',
    ],
    [
      'This computer offers no secure storage to Linedesk, so passwords are not remembered.',
      'vault',
    ],
    ['Something else entirely.', 'other'],
  ])('%s → %s', (message, problem) => {
    const described = describeSignInFailure(message);
    expect(described.problem).toBe(problem);
    expect(described.text).toContain(message);
  });
});
