// Electron-independent IPC router: validates a call's channel and argument against the contract,
// runs its handler and validates the result, always answering an envelope. Main's ipcMain wrapper
// and the Playwright bridge harness both call `invoke`.
import type { z } from 'zod';
import {
  IPC_CHANNELS,
  ipcContract,
  isIpcChannel,
  type IpcChannel,
  type IpcEnvelope,
} from '../../../common/ipc/contract';
import type { IpcErrorCode } from '../../../common/ipc/errors';
import type { MainServices } from '../services/create-main-services';
import { isMainError } from '../services/main-error';
import { createIpcHandlers, type IpcHandler, type IpcHandlers } from './handlers';

export interface IpcRouter {
  readonly channels: readonly IpcChannel[];
  invoke(channel: string, args: unknown): Promise<IpcEnvelope>;
}

export interface IpcRouterOptions {
  /** Where unexpected failures are reported (default console.error). */
  logError?: (message: string, error: unknown) => void;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

const failure = (code: IpcErrorCode, message: string): IpcEnvelope => ({
  ok: false,
  error: { code, message },
});

export function createIpcRouterFromHandlers(
  handlers: IpcHandlers,
  options: IpcRouterOptions = {},
): IpcRouter {
  const logError = options.logError ?? ((message, error) => console.error(message, error));

  return {
    channels: IPC_CHANNELS,
    async invoke(channel, rawArgs) {
      if (!isIpcChannel(channel)) {
        return failure(
          'UNKNOWN_CHANNEL',
          'Linedesk received a request it does not know. Update or restart the app.',
        );
      }
      const entry = ipcContract[channel];
      // IPC and test bindings may turn a missing argument into null.
      const parsed = entry.args.safeParse(rawArgs === null ? undefined : rawArgs);
      if (!parsed.success) {
        return failure(
          'INVALID_ARGUMENTS',
          `Linedesk could not do this because some details are not valid (${describeIssues(parsed.error)}).`,
        );
      }
      let value: unknown;
      try {
        const handler = handlers[channel] as IpcHandler<IpcChannel>;
        value = await handler(parsed.data);
      } catch (error) {
        if (isMainError(error)) return failure(error.code, error.message);
        logError(`IPC ${channel} failed`, error);
        return failure(
          'INTERNAL',
          'Linedesk hit an unexpected problem and could not finish. Try again.',
        );
      }
      const checked = entry.result.safeParse(value);
      if (!checked.success) {
        logError(`IPC ${channel} produced a result outside the contract`, checked.error);
        return failure(
          'INTERNAL',
          'Linedesk received an answer it does not understand. Try again, or update the app.',
        );
      }
      return { ok: true, value: checked.data };
    },
  };
}

/** The router over the real services (main, and the harness with its own createMainServices). */
export function createIpcRouter(services: MainServices, options?: IpcRouterOptions): IpcRouter {
  return createIpcRouterFromHandlers(createIpcHandlers(services), options);
}
