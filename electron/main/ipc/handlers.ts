// What each IPC channel does, in terms of the main services. Arguments arrive already validated
// by the router; results are validated by it on the way out.
import type { IpcChannel, IpcParsedArgs, IpcResult } from '../../../common/ipc/contract';
import type { MainServices } from '../services/create-main-services';
import { isMainError } from '../services/main-error';
import { createCsvHandlers, withOfflineCache } from './csv-handlers';

export type IpcHandler<C extends IpcChannel> = (
  args: IpcParsedArgs<C>,
) => Promise<IpcResult<C>> | IpcResult<C>;

export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

export function createIpcHandlers(services: MainServices): IpcHandlers {
  const { profiles, session, vault, localService, prefs, exportFiles, externalLinks, uploads } =
    services;
  const withResume = <P extends { id: string }>(profile: P) => ({
    ...profile,
    canResume: session.canResume(profile.id),
  });

  return withOfflineCache(services, {
    'app:info': () => services.appInfo,
    'profiles:list': () => profiles.list().map(withResume),
    'profiles:save': (input) => {
      const before = input.id ? profiles.find(input.id) : undefined;
      const saved = profiles.save(input);
      // Tokens and passwords belong to one service and one administrator: a new address or
      // email makes them meaningless, so they are forgotten rather than sent elsewhere.
      if (
        before &&
        (before.serviceUrl !== saved.serviceUrl ||
          before.administratorEmail !== saved.administratorEmail)
      ) {
        session.forget(saved.id);
      }
      return withResume(saved);
    },
    'profiles:delete': ({ profileId }) => {
      session.forget(profileId);
      profiles.delete(profileId);
      if (prefs.get().lastProfileId === profileId) prefs.set({ lastProfileId: null });
      return { deleted: true };
    },
    'vault:status': () => vault.status(),
    'session:signIn': async (args) => {
      if (profiles.find(args.profileId)?.local && !localService.status().running) {
        return (await localService.start()).session;
      }
      return session.signIn(args);
    },
    'session:refresh': ({ profileId }) => session.refresh(profileId),
    'session:signOut': async ({ profileId }) => {
      await session.signOut(profileId);
      return { signedOut: true };
    },
    'session:resume': async ({ profileId }) => {
      // The local connection's service stops with the app: resuming it means starting it again.
      if (profiles.find(profileId)?.local && !localService.status().running) {
        try {
          return { resumed: true, session: (await localService.start()).session };
        } catch (error) {
          if (!isMainError(error)) throw error;
          return { resumed: false, code: error.code, message: error.message };
        }
      }
      return session.resume(profileId);
    },
    'localService:start': (args) => localService.start({ demo: args?.demo === true }),
    'localService:status': () => localService.status(),
    'localService:stop': () => localService.stop(),
    'files:saveCsv': (args) => exportFiles.saveCsv(args),
    'files:savePng': (args) => exportFiles.savePng(args),
    'shell:openExternal': async ({ url }) => {
      await externalLinks.open(url);
      return { opened: true };
    },
    'prefs:get': () => prefs.get(),
    'prefs:set': (patch) => prefs.set(patch),
    ...createCsvHandlers(services),
    'upload:start': (args) => uploads.start(args),
    'upload:status': ({ uploadId }) => uploads.status(uploadId),
    'upload:list': () => uploads.list(),
    'upload:cancel': ({ uploadId }) => uploads.cancel(uploadId),
    'upload:resume': ({ uploadId }) => uploads.resume(uploadId),
    'upload:forget': async ({ uploadId }) => {
      await uploads.forget(uploadId);
      return { forgotten: true };
    },
    'upload:fixFailedRows': ({ uploadId }) => {
      const file = uploads.writeFailedRows(uploadId);
      const { organizationId } = uploads.status(uploadId).settings;
      return services.csv.openDropped(file, organizationId);
    },
  });
}
