// Delivery failures are reported by a short reason code, never by the peer's text (which may hold an address).
import { describe, expect, it } from 'vitest';
import { deliveryFailureReason } from '../../../server/delivery/failure-reason';

describe('deliveryFailureReason', () => {
  it.each([
    ['The mail server did not accept the email: Mailbox unavailable (550)', 'recipient_rejected'],
    ['550 5.1.1 <bob@example.test>: Recipient address rejected', 'recipient_rejected'],
    [
      'The SMS gateway could not be reached: connect ECONNREFUSED 127.0.0.1:9',
      'connection_refused',
    ],
    ['getaddrinfo ENOTFOUND smtp.example.test', 'host_not_found'],
    ['Connection timeout', 'timeout'],
    ['Invalid login: 535 Authentication failed', 'auth_failed'],
    ['something else entirely', 'other'],
    [null, 'other'],
  ])('%s → %s', (text, reason) => {
    expect(deliveryFailureReason(text)).toBe(reason);
  });
});
