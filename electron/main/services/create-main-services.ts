// Builds every main-process service from injected platform pieces, so Electron's main and a plain
// Node process (tests, the Playwright bridge harness) compose exactly the same services.
import os from 'node:os';
import path from 'node:path';
import type { AppInfo } from '../../../common/ipc/contract';
import {
  createCredentialVault,
  type CredentialVault,
  type SafeStorageLike,
} from './credential-vault';
import {
  createExportFiles,
  type ExportFiles,
  type OpenDialog,
  type SaveDialog,
} from './export-files';
import { createExternalLinks, type ExternalLinks, type ExternalOpener } from './external-links';
import { createConfStoreFactory, type StoreFactory } from './key-value-store';
import { createCsvService, type CsvService } from './csv/csv-service';
import { createCsvWorkerClient } from './csv/csv-worker-client';
import { createDraftStore } from './csv/draft-store';
import { createMetadataCache, type MetadataCache } from './csv/metadata-cache';
import { createRecentFiles } from './csv/recent-files';
import { createLocalService, type LocalService } from './local-service';
import { followSignedInOrigin } from './signed-in-origin';
import { createImportUploads, type ImportUploads, type UploadRowSource } from './import-upload';
import { createUploadStore, draftUploadOf } from './import-upload-store';
import { createPrefsStore, type PrefsStore } from './prefs';
import { createProfileStore, type ProfileStore } from './profiles';
import { createNodeServiceLauncher, type ServiceLauncher } from './service-launcher';
import { createSessionService, type SessionService } from './session';

export interface MainServicesOptions {
  /** The app's data folder (Electron: app.getPath('userData')); stores and the local service live here. */
  dataDir: string;
  safeStorage: SafeStorageLike;
  /** Without showOpenDialog, csv:open says the dialog is not available. */
  dialogs: SaveDialog & Partial<OpenDialog>;
  shell: ExternalOpener;
  /** Defaults: package name/version of Linedesk, not packaged, no Electron. */
  app?: Partial<AppInfo>;
  /** Default: `conf` JSON files in dataDir. Electron main passes electron-store. */
  stores?: StoreFactory;
  /** Default: Node child process running `server/cli.ts` (via tsx) from the current folder. */
  serviceLauncher?: ServiceLauncher;
  /** Where save dialogs open. Default: ~/Downloads. */
  downloadsDir?: string;
  fetch?: typeof fetch;
  /** Environment the local service inherits (DATABASE_URL and LINEDESK_* are always dropped). */
  baseEnv?: NodeJS.ProcessEnv;
  localServiceReadyTimeoutMs?: number;
  /** Development only: the renderer's dev server origin, which the local service then allows. */
  devServerOrigin?: string;
  platform?: NodeJS.Platform;
  /** Waits before each retry of an upload call (tests shorten them). */
  uploadRetryDelaysMs?: number[];
  /** The CSV worker thread's file. Default: beside the CSV service (TypeScript) or the built main. */
  csvWorkerPath?: string;
}

export interface MainServices {
  appInfo: AppInfo;
  vault: CredentialVault;
  profiles: ProfileStore;
  prefs: PrefsStore;
  session: SessionService;
  localService: LocalService;
  exportFiles: ExportFiles;
  externalLinks: ExternalLinks;
  uploads: ImportUploads;
  /** The CSV engine: drafts, their checked rows (in a worker thread), recent files. */
  csv: CsvService;
  /** Organization data cached at sign-in for offline checks. */
  metadata: MetadataCache;
  /** Origins the renderer may call: the service the window is signed in to, and only that. */
  connectOrigins(): string[];
  /** Called when connectOrigins() changes (main rebuilds the policy and reloads if needed). */
  onConnectOriginsChange(listener: () => void): () => void;
  /** Stops the local service; call before quitting. */
  dispose(): Promise<void>;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const stores = options.stores ?? createConfStoreFactory(options.dataDir);
  const vault = createCredentialVault({
    safeStorage: options.safeStorage,
    store: stores('vault'),
    platform: options.platform,
  });
  const profiles = createProfileStore({ store: stores('profiles') });
  const prefs = createPrefsStore({ store: stores('prefs') });
  const signedIn = followSignedInOrigin(
    createSessionService({ profiles, vault, fetch: options.fetch }),
    profiles,
  );
  const session = signedIn.session;
  const localService = createLocalService({
    dataDir: options.dataDir,
    launcher:
      options.serviceLauncher ??
      createNodeServiceLauncher({ entry: path.resolve('server/cli.ts'), cwd: process.cwd() }),
    profiles,
    vault,
    session,
    baseEnv: options.baseEnv,
    readyTimeoutMs: options.localServiceReadyTimeoutMs,
    devServerOrigin: options.devServerOrigin,
  });
  const exportFiles = createExportFiles({
    dialog: options.dialogs,
    defaultDirectory: options.downloadsDir ?? path.join(os.homedir(), 'Downloads'),
  });
  // Only the app's own help links: a saved profile (which the renderer writes) never widens it.
  const externalLinks = createExternalLinks({ shell: options.shell });
  const metadata = createMetadataCache({
    dataDir: options.dataDir,
    serviceUrlOf: (profileId) => profiles.find(profileId)?.serviceUrl,
    accessToken: (profileId) => session.accessToken(profileId),
    defaultProfileId: () => prefs.get().lastProfileId,
    fetch: options.fetch,
  });
  const csv = createCsvService({
    contexts: metadata,
    store: createDraftStore(options.dataDir),
    worker: createCsvWorkerClient(options.csvWorkerPath),
    recent: createRecentFiles(stores('recent-files')),
    dialogs: options.dialogs,
    downloadsDir: options.downloadsDir ?? path.join(os.homedir(), 'Downloads'),
  });
  const uploadRows: UploadRowSource = { rowsForUpload: (draftId) => csv.rowsForUpload(draftId) };
  const uploads = createImportUploads({
    store: createUploadStore(options.dataDir),
    rowSource: uploadRows,
    profiles,
    session,
    fetch: options.fetch,
    retryDelaysMs: options.uploadRetryDelaysMs,
    // The draft shows its upload (and is deleted 30 days after it completed); best effort.
    onChange: (record) =>
      void csv.setUpload(record.draftId, draftUploadOf(record)).catch(() => undefined),
  });
  const appInfo: AppInfo = {
    name: 'Linedesk',
    version: '0.1.0',
    platform: options.platform ?? process.platform,
    electronVersion: null,
    packaged: false,
    ...options.app,
  };

  return {
    appInfo,
    vault,
    profiles,
    prefs,
    session,
    localService,
    exportFiles,
    externalLinks,
    uploads,
    csv,
    metadata,
    connectOrigins: () => signedIn.current(),
    onConnectOriginsChange: (listener) => signedIn.onChange(listener),
    async dispose() {
      await uploads.dispose();
      await Promise.all([localService.stop(), csv.dispose()]);
    },
  };
}
