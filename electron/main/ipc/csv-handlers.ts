// IPC handlers of the CSV engine, drafts, recent files and the cached organization data: each
// hands its validated arguments to main's CSV service (rows cross a page at a time).
import type { IpcChannel } from '../../../common/ipc/contract';
import type { MainServices } from '../services/create-main-services';
import type { IpcHandlers } from './handlers';

/** Channels of the CSV engine's domains. */
export type CsvChannel = Extract<
  IpcChannel,
  `csv:${string}` | `drafts:${string}` | `recentFiles:${string}` | `metadata:${string}`
>;

/** After a sign-in: checks use this connection's data, fetched again in the background. */
function cacheAfterSignIn(services: MainServices, profileId: string): void {
  services.metadata.setActive(profileId);
  void services.metadata.refresh(profileId).catch(() => undefined);
}

/**
 * Wraps the session handlers so every sign-in (password, resume, local service) refreshes the
 * offline cache of organization data, and signing out clears that connection's cache.
 */
export function withOfflineCache(services: MainServices, handlers: IpcHandlers): IpcHandlers {
  const {
    'session:signIn': signIn,
    'session:resume': resume,
    'session:signOut': signOut,
  } = handlers;
  const start = handlers['localService:start'];
  return {
    ...handlers,
    'session:signIn': async (args) => {
      const session = await signIn(args);
      cacheAfterSignIn(services, session.profileId);
      return session;
    },
    'session:resume': async (args) => {
      const result = await resume(args);
      if (result.resumed) cacheAfterSignIn(services, result.session.profileId);
      return result;
    },
    'localService:start': async (args) => {
      const started = await start(args);
      cacheAfterSignIn(services, started.session.profileId);
      return started;
    },
    'session:signOut': async (args) => {
      const result = await signOut(args);
      await services.metadata.clear(args.profileId);
      return result;
    },
  };
}

/** The CSV engine's part of the handler table. */
export function createCsvHandlers(services: MainServices): Pick<IpcHandlers, CsvChannel> {
  const { csv } = services;
  return {
    'csv:open': (args) => csv.openByDialog(args?.organizationId ?? null),
    'csv:openDropped': ({ path, organizationId }) => csv.openDropped(path, organizationId ?? null),
    'csv:cancelOpen': () => csv.cancelOpen(),
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
    'metadata:status': (args) => services.metadata.status(args?.profileId),
    'metadata:refresh': ({ profileId }) => {
      services.metadata.setActive(profileId);
      return services.metadata.refresh(profileId);
    },
  };
}
