// IPC handlers of the CSV engine, drafts, recent files and the cached organization data. Until the
// engine answers a channel, it says so with NOT_IMPLEMENTED rather than failing obscurely.
import type { IpcChannel } from '../../../common/ipc/contract';
import type { MainServices } from '../services/create-main-services';
import { MainError } from '../services/main-error';
import type { IpcHandlers } from './handlers';

/** Channels of the CSV engine's domains. */
export type CsvChannel = Extract<
  IpcChannel,
  `csv:${string}` | `drafts:${string}` | `recentFiles:${string}` | `metadata:${string}`
>;

const notImplemented = (channel: CsvChannel) => (): never => {
  throw new MainError(
    'NOT_IMPLEMENTED',
    `This version of Linedesk cannot do this yet (${channel}). Update the app.`,
  );
};

/** The CSV engine's part of the handler table. */
export function createCsvHandlers(_services: MainServices): Pick<IpcHandlers, CsvChannel> {
  return {
    'csv:open': notImplemented('csv:open'),
    'csv:openDropped': notImplemented('csv:openDropped'),
    'csv:rows': notImplemented('csv:rows'),
    'csv:edit': notImplemented('csv:edit'),
    'csv:deleteRow': notImplemented('csv:deleteRow'),
    'csv:summary': notImplemented('csv:summary'),
    'csv:recheck': notImplemented('csv:recheck'),
    'csv:exportProblems': notImplemented('csv:exportProblems'),
    'csv:saveAs': notImplemented('csv:saveAs'),
    'drafts:list': notImplemented('drafts:list'),
    'drafts:open': notImplemented('drafts:open'),
    'drafts:delete': notImplemented('drafts:delete'),
    'drafts:setUpload': notImplemented('drafts:setUpload'),
    'recentFiles:list': notImplemented('recentFiles:list'),
    'recentFiles:open': notImplemented('recentFiles:open'),
    'metadata:status': notImplemented('metadata:status'),
    'metadata:refresh': notImplemented('metadata:refresh'),
  };
}
