// The IPC contract between the renderer and the Electron main process: for each channel, the zod
// schema of its argument and of its result. Main validates both; the bridge types derive from it.
import { z } from 'zod';
import { administratorSchema } from '../api/administrators';
import type { IpcChannel } from './channels';
import {
  csvDeleteRowArgsSchema,
  csvEditArgsSchema,
  csvEditResultSchema,
  csvOpenArgsSchema,
  csvOpenDroppedArgsSchema,
  csvOpenResultSchema,
  csvCancelOpenResultSchema,
  csvRecheckArgsSchema,
  csvRowsArgsSchema,
  csvRowsResultSchema,
  csvSaveResultSchema,
  draftListItemSchema,
  draftRefSchema,
  draftSetUploadArgsSchema,
  draftSummarySchema,
  metadataRefreshArgsSchema,
  metadataStatusArgsSchema,
  metadataStatusSchema,
  recentFileOpenArgsSchema,
  recentFileSchema,
} from './csv-contract';
import { uploadRefSchema, uploadStartArgsSchema, uploadStatusSchema } from './import-upload';

export {
  IPC_CHANNELS,
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  CSV_OPEN_PROGRESS_CHANNEL,
  BRIDGE_GLOBAL,
  isIpcChannel,
  isMenuCommand,
  splitChannel,
} from './channels';
export type { IpcChannel, MenuCommand, IpcEnvelope } from './channels';
export * from './csv-contract';

/** Channels without an argument take `undefined` (the bridge method is called with nothing). */
const noArgs = z.undefined();

export const profileIdSchema = z.string().min(1).max(100);

/** The service's base URL without `/api/v1`, e.g. `http://127.0.0.1:8787`; trailing slashes dropped. */
/** localhost and loopback addresses: the only hosts reached over plain http://. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

export const serviceUrlSchema = z
  .url({
    protocol: /^https?$/,
    error: 'Enter the service address, starting with http:// or https://.',
  })
  .max(2000)
  .refine((url) => !url.startsWith('http:') || isLoopbackHost(new URL(url).hostname), {
    error:
      'Use https:// for a service on another computer: http:// sends passwords unprotected and is only allowed for this computer (localhost or 127.0.0.1).',
  })
  .transform((url) => url.replace(/\/+$/, ''));

/** A saved connection to a provisioning service. Secrets are never part of it. */
export const profileSchema = z.object({
  id: profileIdSchema,
  name: z.string().min(1).max(200),
  serviceUrl: z.string(),
  administratorEmail: z.string(),
  rememberPassword: z.boolean(),
  /** True for the service this computer runs (started with localService:start). */
  local: z.boolean(),
  /** True when main holds a refresh token or a saved password, so session:resume may work. */
  canResume: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

/** Unknown keys (e.g. `local`, `canResume` of a listed profile) are dropped, never applied. */
export const profileInputSchema = z.object({
  /** Absent to create a profile; an existing id to edit it. */
  id: profileIdSchema.optional(),
  name: z.string().trim().min(1, 'Give the connection a name.').max(200),
  serviceUrl: serviceUrlSchema,
  administratorEmail: z.email('Enter the administrator email address.').max(320),
  rememberPassword: z.boolean(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

export const vaultStatusSchema = z.object({
  available: z.boolean(),
  /** safeStorage's backend: `keychain`, `dpapi`, `gnome_libsecret`, `kwallet…`, `basic_text`, `unavailable`. */
  backend: z.string(),
  /** Why secrets cannot be kept, in a sentence; absent when available. */
  reason: z.string().optional(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const accessTokenSchema = z.object({
  accessToken: z.string().min(1),
  /** ISO 8601 UTC. */
  expiresAt: z.string(),
});
export type AccessToken = z.infer<typeof accessTokenSchema>;

/** What the renderer receives after signing in. The refresh token stays in main. */
export const signedInSessionSchema = accessTokenSchema.extend({
  profileId: profileIdSchema,
  serviceUrl: z.string(),
  /** The signed-in administrator, in the one shape of common/api/administrators.ts. */
  administrator: administratorSchema,
  passwordChangeRequired: z.boolean(),
  /** Whether the password / refresh token were kept for next time. */
  remembered: z.boolean(),
  /** A sentence to show when remember-me was asked for but could not be honoured. */
  notice: z.string().optional(),
});
export type SignedInSession = z.infer<typeof signedInSessionSchema>;

export const signInArgsSchema = z.strictObject({
  profileId: profileIdSchema,
  /** Absent to use the password saved with remember-me. */
  password: z.string().min(1).max(1024).optional(),
  remember: z.boolean(),
});
export type SignInArgs = z.input<typeof signInArgsSchema>;

const profileRefSchema = z.strictObject({ profileId: profileIdSchema });

export const resumeResultSchema = z.discriminatedUnion('resumed', [
  z.object({ resumed: z.literal(true), session: signedInSessionSchema }),
  z.object({ resumed: z.literal(false), code: z.string(), message: z.string() }),
]);
export type ResumeResult = z.infer<typeof resumeResultSchema>;

export const localServiceStatusSchema = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'failed']),
  running: z.boolean(),
  /** Base URL while running, e.g. `http://127.0.0.1:53121`. */
  url: z.string().nullable(),
  /** The local profile's id once it exists. */
  profileId: z.string().nullable(),
  /** Why it failed or stopped unexpectedly, in a sentence. */
  message: z.string().nullable(),
});
export type LocalServiceStatus = z.infer<typeof localServiceStatusSchema>;

export const localServiceStartArgsSchema = z
  .strictObject({
    /** Seed demo organizations, numbers and accounts on an empty database. */
    demo: z.boolean().optional(),
  })
  .optional();

export const localServiceStartedSchema = z.object({
  profile: profileSchema,
  session: signedInSessionSchema,
});
export type LocalServiceStarted = z.infer<typeof localServiceStartedSchema>;

export const saveCsvArgsSchema = z.strictObject({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !/[\\/]/.test(name), 'The file name cannot contain a folder.'),
  content: z.string().max(512 * 1024 * 1024),
});

export const saveCsvResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), filePath: z.string() }),
  z.object({ saved: z.literal(false) }),
]);
export type SaveCsvResult = z.infer<typeof saveCsvResultSchema>;

/** A chart picture the renderer drew (a `data:image/png;base64,…` URL), saved where the admin chooses. */
export const savePngArgsSchema = z.strictObject({
  suggestedName: saveCsvArgsSchema.shape.suggestedName,
  dataUrl: z
    .string()
    .max(64 * 1024 * 1024)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'Only a PNG picture can be saved.'),
});

export const THEMES = ['light', 'dark', 'system'] as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const prefsSchema = z.object({
  /** IANA zone, e.g. `America/Chicago`; every date is shown in it. */
  timeZone: z.string().refine(isTimeZone, 'Choose a time zone from the list.'),
  theme: z.enum(THEMES),
  lastProfileId: profileIdSchema.nullable(),
  /** Rows per page in the grids. */
  pageSize: z.number().int().min(10).max(500),
});
export type Prefs = z.infer<typeof prefsSchema>;

export const prefsPatchSchema = prefsSchema.partial().strict();
export type PrefsPatch = z.input<typeof prefsPatchSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Null outside Electron (the test harness). */
  electronVersion: z.string().nullable(),
  packaged: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** The contract: one entry per channel. `satisfies` makes a missing or extra channel a type error. */
export const ipcContract = {
  'app:info': { args: noArgs, result: appInfoSchema },
  'profiles:list': { args: noArgs, result: z.array(profileSchema) },
  'profiles:save': { args: profileInputSchema, result: profileSchema },
  'profiles:delete': { args: profileRefSchema, result: z.object({ deleted: z.literal(true) }) },
  'vault:status': { args: noArgs, result: vaultStatusSchema },
  'session:signIn': { args: signInArgsSchema, result: signedInSessionSchema },
  'session:refresh': { args: profileRefSchema, result: accessTokenSchema },
  'session:signOut': { args: profileRefSchema, result: z.object({ signedOut: z.literal(true) }) },
  'session:resume': { args: profileRefSchema, result: resumeResultSchema },
  'localService:start': { args: localServiceStartArgsSchema, result: localServiceStartedSchema },
  'localService:status': { args: noArgs, result: localServiceStatusSchema },
  'localService:stop': { args: noArgs, result: localServiceStatusSchema },
  'files:saveCsv': { args: saveCsvArgsSchema, result: saveCsvResultSchema },
  'files:savePng': { args: savePngArgsSchema, result: saveCsvResultSchema },
  'shell:openExternal': {
    args: z.strictObject({ url: z.string().max(4000) }),
    result: z.object({ opened: z.literal(true) }),
  },
  'prefs:get': { args: noArgs, result: prefsSchema },
  'prefs:set': { args: prefsPatchSchema, result: prefsSchema },
  'csv:open': { args: csvOpenArgsSchema, result: csvOpenResultSchema },
  'csv:openDropped': { args: csvOpenDroppedArgsSchema, result: csvOpenResultSchema },
  'csv:cancelOpen': { args: noArgs, result: csvCancelOpenResultSchema },
  'csv:rows': { args: csvRowsArgsSchema, result: csvRowsResultSchema },
  'csv:edit': { args: csvEditArgsSchema, result: csvEditResultSchema },
  'csv:deleteRow': { args: csvDeleteRowArgsSchema, result: csvEditResultSchema },
  'csv:summary': { args: draftRefSchema, result: draftSummarySchema },
  'csv:recheck': { args: csvRecheckArgsSchema, result: draftSummarySchema },
  'csv:exportProblems': { args: draftRefSchema, result: csvSaveResultSchema },
  'csv:saveAs': { args: draftRefSchema, result: csvSaveResultSchema },
  'drafts:list': { args: noArgs, result: z.array(draftListItemSchema) },
  'drafts:open': { args: draftRefSchema, result: draftSummarySchema },
  'drafts:delete': { args: draftRefSchema, result: z.object({ deleted: z.literal(true) }) },
  'drafts:setUpload': { args: draftSetUploadArgsSchema, result: draftSummarySchema },
  'recentFiles:list': { args: noArgs, result: z.array(recentFileSchema) },
  'recentFiles:open': { args: recentFileOpenArgsSchema, result: csvOpenResultSchema },
  'metadata:status': { args: metadataStatusArgsSchema, result: metadataStatusSchema },
  'metadata:refresh': { args: metadataRefreshArgsSchema, result: metadataStatusSchema },
  'upload:start': { args: uploadStartArgsSchema, result: uploadStatusSchema },
  'upload:status': { args: uploadRefSchema, result: uploadStatusSchema },
  'upload:list': { args: noArgs, result: z.array(uploadStatusSchema) },
  'upload:cancel': { args: uploadRefSchema, result: uploadStatusSchema },
  'upload:resume': { args: uploadRefSchema, result: uploadStatusSchema },
  'upload:forget': { args: uploadRefSchema, result: z.object({ forgotten: z.literal(true) }) },
  'upload:fixFailedRows': { args: uploadRefSchema, result: csvOpenResultSchema },
} satisfies Record<IpcChannel, { args: z.ZodType; result: z.ZodType }>;

export type IpcContract = typeof ipcContract;
/** What the renderer passes (before defaults/transforms). */
export type IpcArgs<C extends IpcChannel> = z.input<IpcContract[C]['args']>;
/** What main's handler receives after validation. */
export type IpcParsedArgs<C extends IpcChannel> = z.output<IpcContract[C]['args']>;
/** What the renderer receives. */
export type IpcResult<C extends IpcChannel> = z.output<IpcContract[C]['result']>;
