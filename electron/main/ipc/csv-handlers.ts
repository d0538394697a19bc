// IPC handlers of the CSV engine, drafts, recent files and the cached organization data: each
// hands its validated arguments to main's CSV service (rows cross a page at a time).
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
export function createCsvHandlers(services: MainServices): Pick<IpcHandlers, CsvChannel> {
  const { csv } = services;
  return {
    'csv:open': (args) => csv.openByDialog(args?.organizationId ?? null),
    'csv:openDropped': ({ path, organizationId }) => csv.openDropped(path, organizationId ?? null),
    'csv:rows': ({ draftId, filter, offset, limit }) => csv.rows(draftId, filter, offset, limit),
    'csv:edit': ({ draftId, row, column, value }) => csv.edit(draftId, row, column, value),
    'csv:deleteRow': ({ draftId, row }) => csv.deleteRow(draftId, row),
    'csv:summary': ({ draftId }) => csv.summary(draftId),
    'csv:recheck': ({ draftId, organizationId }) => csv.recheck(draftId, organizationId),
    'csv:exportProblems': ({ draftId }) => csv.exportProblems(draftId),
    'csv:saveAs': ({ draftId }) => csv.saveAs(draftId),
    'drafts:list': () => csv.listDrafts(),
    'drafts:open': ({ draftId }) => csv.openDraft(draftId),
    'drafts:delete': async ({ draftId }) => {
      await csv.deleteDraft(draftId);
      return { deleted: true };
    },
    'drafts:setUpload': ({ draftId, upload }) => csv.setUpload(draftId, upload),
    'recentFiles:list': () => csv.recentFiles(),
    'recentFiles:open': ({ id, organizationId }) => csv.openRecent(id, organizationId ?? null),
    'metadata:status': notImplemented('metadata:status'),
    'metadata:refresh': notImplemented('metadata:refresh'),
  };
}
