// IPC shapes of the import upload that main runs for a draft: its settings, its status (polled by
// the wizard) and the calls that start, cancel, resume, complete and forget it.
import { z } from 'zod';
import { applications } from '../api/accounts';
import { importJobSchema } from '../api/imports';

const idSchema = z.string().min(1).max(100);

/** What the Setup step chose; the import job is opened with it. */
export const uploadSettingsSchema = z.strictObject({
  organizationId: idSchema,
  applications: z.array(z.enum(applications)).min(1),
  /** null: the organization's default profile. */
  permissionProfileId: idSchema.nullable(),
  invite: z.boolean(),
});
export type UploadSettings = z.infer<typeof uploadSettingsSchema>;

export const uploadStartArgsSchema = z.strictObject({
  /** The connection whose session sends the rows. */
  profileId: idSchema,
  draftId: idSchema,
  settings: uploadSettingsSchema,
});
export type UploadStartArgs = z.input<typeof uploadStartArgsSchema>;

export const uploadRefSchema = z.strictObject({ uploadId: idSchema });

/**
 * sending / completing / waiting (retrying after a lost connection) run in main; paused (Cancel,
 * retries used up, or the app closed mid-way) waits for Resume; needs_numbers waits for capacity
 * and then Complete; failed is a refusal that Resume cannot fix.
 */
export const uploadPhases = [
  'sending',
  'waiting',
  'completing',
  'paused',
  'needs_numbers',
  'completed',
  'failed',
] as const;
export type UploadPhase = (typeof uploadPhases)[number];

export const uploadCountsSchema = z.object({
  created: z.number().int(),
  duplicate: z.number().int(),
  invalid: z.number().int(),
});
export type UploadCounts = z.infer<typeof uploadCountsSchema>;

export const uploadStatusSchema = z.object({
  uploadId: z.string(),
  draftId: z.string(),
  profileId: z.string(),
  fileName: z.string(),
  settings: uploadSettingsSchema,
  /** The service's import job once opened. */
  jobId: z.string().nullable(),
  phase: z.enum(uploadPhases),
  /** True while main is working on it (sending, waiting or completing). */
  running: z.boolean(),
  rowCount: z.number().int(),
  /** Rows whose chunk the service has answered. */
  rowsSent: z.number().int(),
  chunkCount: z.number().int(),
  chunksAnswered: z.number().int(),
  counts: uploadCountsSchema,
  /** Over the current run; null until a chunk is answered. */
  rowsPerSecond: z.number().nullable(),
  secondsLeft: z.number().nullable(),
  /** Why it is waiting, paused, needs numbers or failed, as the service or main said it. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The job as the service last answered it (after complete). */
  job: importJobSchema.nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type UploadStatus = z.infer<typeof uploadStatusSchema>;
