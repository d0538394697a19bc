// Quitting during an upload asks first; Keep uploading (the default) keeps the app open.
import { describe, expect, it } from 'vitest';
import { mayQuit, QUIT_DURING_UPLOAD } from '../../../electron/main/modules/quit-guard';

describe('quit guard', () => {
  it('quits without asking when nothing uploads', () => {
    const asked: unknown[] = [];
    const ask = (...args: unknown[]) => (asked.push(args), 0);
    expect(mayQuit({ uploading: false, window: null, showMessageBoxSync: ask })).toBe(true);
    expect(asked).toHaveLength(0);
  });

  it('asks during an upload: Keep uploading stays, Quit quits', () => {
    expect(QUIT_DURING_UPLOAD.buttons).toEqual(['Keep uploading', 'Quit']);
    expect(mayQuit({ uploading: true, window: null, showMessageBoxSync: () => 0 })).toBe(false);
    expect(mayQuit({ uploading: true, window: null, showMessageBoxSync: () => 1 })).toBe(true);
  });
});
