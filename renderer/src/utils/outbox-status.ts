// Outbox delivery states in the product's words: `kept` is said plainly as not sent.
import type { OutboxStatus } from '../../../common/api/outbox';
import { assertNever } from './assert-never';

export interface OutboxStatusLook {
  label: string;
  color: string;
  icon: string;
  /** Longer sentence for tooltips and the message detail. */
  explanation: string;
}

export const KEPT_EXPLANATION = 'Not sent — no email/SMS transport configured on this service';

/** Chip text, colour, icon and explanation of a message's delivery state. */
export function outboxStatusLook(status: OutboxStatus): OutboxStatusLook {
  switch (status) {
    case 'kept':
      return {
        label: 'Not sent',
        color: 'warning',
        icon: 'mdi-tray-full',
        explanation: KEPT_EXPLANATION,
      };
    case 'queued':
      return {
        label: 'Queued',
        color: 'info',
        icon: 'mdi-clock-outline',
        explanation: 'Waiting to be handed to the email or SMS transport.',
      };
    case 'sent':
      return {
        label: 'Sent',
        color: 'success',
        icon: 'mdi-check-circle',
        explanation: 'Handed to the email or SMS transport.',
      };
    case 'failed':
      return {
        label: 'Failed',
        color: 'error',
        icon: 'mdi-alert-circle',
        explanation: 'Could not be delivered after the last retry.',
      };
    default:
      return assertNever(status);
  }
}
