// A failed delivery's reason as a short code for the Reports (never the address or the peer's
// full text, which may carry one): recognised from the transport's error text and SMTP codes.
import type { DeliveryFailureReason } from '../../common/api/reports';

const rules: [RegExp, DeliveryFailureReason][] = [
  [
    /\bEAUTH\b|\b53[045]\b|authenticat|invalid login|unauthori[sz]ed|\b401\b|\b403\b/i,
    'auth_failed',
  ],
  [/\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|not resolve|unknown host/i, 'host_not_found'],
  [/\bETIMEDOUT\b|\bESOCKET.*timeout|timed? ?out/i, 'timeout'],
  [
    /\bECONNREFUSED\b|\bECONNRESET\b|connection refused|could not be reached|\bECONNECTION\b/i,
    'connection_refused',
  ],
  [
    /\b55[0-4]\b|\b5\.1\.\d\b|recipient|mailbox|user unknown|no such user|rejected|invalid (phone|number)/i,
    'recipient_rejected',
  ],
];

/** The normalised reason of a delivery error's text. */
export function deliveryFailureReason(errorText: string | null | undefined): DeliveryFailureReason {
  if (!errorText) return 'other';
  for (const [pattern, reason] of rules) if (pattern.test(errorText)) return reason;
  return 'other';
}
