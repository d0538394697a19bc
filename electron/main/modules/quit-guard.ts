// Asks before quitting while an import uploads: quitting pauses it (it resumes at the next start
// and sends nothing twice), but an admin should not lose track of a running import by accident.
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';

/** The question, its buttons (Keep uploading first) and the button that quits. */
export const QUIT_DURING_UPLOAD: MessageBoxSyncOptions = {
  type: 'question',
  buttons: ['Keep uploading', 'Quit'],
  defaultId: 0,
  cancelId: 0,
  message: 'An import is still uploading.',
  detail:
    'If you quit now, the upload pauses and carries on when you open Linedesk again. Nothing is created twice.',
};
const QUIT_BUTTON = 1;

/** True when quitting may go ahead: nothing uploads, or the admin chose Quit. */
export function mayQuit(options: {
  uploading: boolean;
  window: BrowserWindow | null;
  showMessageBoxSync: (window: BrowserWindow | null, options: MessageBoxSyncOptions) => number;
}): boolean {
  if (!options.uploading) return true;
  return options.showMessageBoxSync(options.window, QUIT_DURING_UPLOAD) === QUIT_BUTTON;
}
