// Bridge failures reach screens as BridgeErrors carrying the IPC envelope's code, whatever form the
// preload (a plain `{name, code, message}`, as contextBridge copies it) or Electron gave them.
import { afterEach, describe, expect, it } from 'vitest';
import { createLinedeskBridge, type LinedeskBridge } from '../../common/ipc/bridge';
import { BridgeError, linedesk, toBridgeError } from '../../renderer/src/bridge/linedesk';

function install(bridge: LinedeskBridge | undefined): void {
  Object.defineProperty(window, 'linedesk', { value: bridge, configurable: true });
}

afterEach(() => install(undefined));

describe('the renderer bridge', () => {
  it('rejects with a BridgeError carrying the envelope code and sentence', async () => {
    install(
      createLinedeskBridge({
        invoke: async () => ({
          ok: false,
          error: {
            code: 'INVALID_CREDENTIALS',
            message: 'The email address or password is not correct.',
          },
        }),
        onMenuCommand: () => () => undefined,
        pathForFile: () => '',
      }),
    );
    const error = await linedesk()
      .session.signIn({ profileId: 'p', password: 'x', remember: false })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'The email address or password is not correct.',
    });
  });

  it('passes values and menu commands through unchanged', async () => {
    const seen: string[] = [];
    install(
      createLinedeskBridge({
        invoke: async (channel) => ({ ok: true, value: { channel } }),
        onMenuCommand: (listener) => {
          listener('search');
          return () => undefined;
        },
        pathForFile: () => '',
      }),
    );
    await expect(linedesk().app.info()).resolves.toEqual({ channel: 'app:info' });
    linedesk().menu.onCommand((command) => seen.push(command));
    expect(seen).toEqual(['search']);
    expect(linedesk()).toBe(linedesk());
  });

  it('says so, with a code, outside the desktop shell', () => {
    expect(() => linedesk()).toThrow(BridgeError);
    expect(() => linedesk()).toThrow(expect.objectContaining({ code: 'BRIDGE_UNAVAILABLE' }));
  });

  it('reads the code of anything a bridge call rejects with', () => {
    expect(
      toBridgeError({ name: 'BridgeError', code: 'VAULT_UNAVAILABLE', message: 'No keychain.' }),
    ).toMatchObject({ code: 'VAULT_UNAVAILABLE', message: 'No keychain.' });
    expect(
      toBridgeError(new Error("Error invoking remote method 'session:signIn': Error: Boom.")),
    ).toMatchObject({ code: 'INTERNAL', message: 'Boom.' });
    expect(toBridgeError('nonsense')).toMatchObject({ code: 'INTERNAL' });
  });
});
