// Snackbar notifications shared by every screen: one at a time, with optional details for partial failures.
import { reactive } from 'vue';

export type NotifyKind = 'success' | 'info' | 'warning' | 'error';

export interface Notification {
  id: number;
  kind: NotifyKind;
  text: string;
  /** Lines listed under the text, e.g. each failed account with its reason. */
  details: string[];
}

interface NotifyState {
  current: Notification | null;
  queue: Notification[];
}

const state = reactive<NotifyState>({ current: null, queue: [] });
let nextId = 1;

function push(kind: NotifyKind, text: string, details: string[] = []): void {
  const notification: Notification = { id: nextId++, kind, text, details };
  if (state.current) state.queue.push(notification);
  else state.current = notification;
}

/** Closes the visible notification and shows the next queued one. */
function dismiss(): void {
  state.current = state.queue.shift() ?? null;
}

export function useNotify() {
  return {
    state,
    dismiss,
    success: (text: string, details?: string[]) => push('success', text, details),
    info: (text: string, details?: string[]) => push('info', text, details),
    warning: (text: string, details?: string[]) => push('warning', text, details),
    error: (text: string, details?: string[]) => push('error', text, details),
  };
}
