// IPC shapes of the CSV engine, drafts, recent files and the cached organization data: what the
// import wizard sends to main and receives back. Rows cross the bridge a page at a time only.
import { z } from 'zod';
import { CSV_DELIMITERS, CSV_ENCODINGS, CSV_FILE_ERROR_CODES } from '../csv/file-check';
import { TEMPLATE_COLUMN_KEYS } from '../csv/template';

/** Opaque id of a draft (main's choice; never a path). */
export const draftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a draft id.');

export const templateColumnSchema = z.enum(TEMPLATE_COLUMN_KEYS);

/** A whole-file error: one clear sentence and a code the screen decides on. */
export const csvFileErrorSchema = z.object({
  code: z.enum(CSV_FILE_ERROR_CODES),
  message: z.string(),
});
export type CsvFileError = z.infer<typeof csvFileErrorSchema>;

/** A file-level remark that is not an error (unknown column ignored, Note row skipped…). */
export const csvNoticeSchema = z.object({
  column: z.string().optional(),
  message: z.string(),
});
export type CsvNotice = z.infer<typeof csvNoticeSchema>;

/** The cells of one row, as text, in template terms (a leading `+` or `0` is kept). */
export const csvRowValuesSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  contact: z.string(),
  linesAllowed: z.string(),
  permissionProfile: z.string(),
  number: z.string(),
});
export type CsvRowValues = z.infer<typeof csvRowValuesSchema>;

export const csvRowProblemSchema = z.object({
  column: templateColumnSchema,
  /** `duplicate`: the contact came on an earlier row or already has an account. */
  kind: z.enum(['invalid', 'duplicate']),
  /** e.g. `Row 5, Email or Device #: "abc" is not a valid email address.` */
  message: z.string(),
});
export type CsvRowProblem = z.infer<typeof csvRowProblemSchema>;

export const csvRowWarningSchema = z.object({ column: templateColumnSchema, message: z.string() });
export type CsvRowWarning = z.infer<typeof csvRowWarningSchema>;

/** One checked row of a draft. */
export const csvRowSchema = z.object({
  /** As a spreadsheet shows it (header = row 1); stays the row's id after edits and deletions. */
  row: z.number().int().min(2),
  values: csvRowValuesSchema,
  /** The contact normalised (email lower-cased, device number E.164), or null when invalid. */
  normalisedContact: z.string().nullable(),
  problems: z.array(csvRowProblemSchema),
  warnings: z.array(csvRowWarningSchema),
  /** True once the admin changed a cell of this row. */
  edited: z.boolean(),
});
export type CsvRow = z.infer<typeof csvRowSchema>;

export const csvCountsSchema = z.object({
  /** Data rows (blank rows, the Note row and deleted rows not counted). */
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Rows whose problems are all duplicates (a subset of `invalid`). */
  duplicates: z.number().int(),
  /** Rows with at least one warning. */
  warnings: z.number().int(),
  /** Valid rows without a Number: the user will choose one at onboarding (needs capacity). */
  withoutNumber: z.number().int(),
});
export type CsvCounts = z.infer<typeof csvCountsSchema>;

/** What the wizard stores with a draft so an upload can resume after a crash or lost connection. */
export const draftUploadSchema = z.object({
  idempotencyKey: z.string().min(8).max(200),
  /** The import job once `POST /imports` answered; null before. */
  jobId: z.string().max(200).nullable(),
  organizationId: z.string().max(200),
  applications: z.array(z.string().max(100)).max(10),
  permissionProfileId: z.string().max(200).nullable(),
  invite: z.boolean(),
  /** Rows per chunk (the service takes at most 1,000). */
  chunkRows: z.number().int().min(1).max(1000),
  /** Indexes of the chunks the service answered (never sent again). */
  chunksAnswered: z.array(z.number().int().min(0)).max(1_000_000),
  /** ISO time the job completed; the draft is deleted 30 days later. */
  completedAt: z.string().nullable(),
});
export type DraftUpload = z.infer<typeof draftUploadSchema>;

/** A draft as the wizard shows it (also the answer of opening a file). */
export const draftSummarySchema = z.object({
  draftId: draftIdSchema,
  /** The source file's name (no folder). */
  name: z.string(),
  encoding: z.enum(CSV_ENCODINGS),
  delimiter: z.enum(CSV_DELIMITERS),
  counts: csvCountsSchema,
  notices: z.array(csvNoticeSchema),
  /** The organization the rows are checked against (its cached profiles, numbers, contacts). */
  organizationId: z.string().nullable(),
  /** When the organization data used by the checks was fetched; null when none was known. */
  metadataCachedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  upload: draftUploadSchema.nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

/** Opening a file: cancelled, refused as a whole with one message, or a checked draft. */
export const csvOpenResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('fileError'), name: z.string(), fileError: csvFileErrorSchema }),
  z.object({ outcome: z.literal('opened'), draft: draftSummarySchema }),
]);
export type CsvOpenResult = z.infer<typeof csvOpenResultSchema>;

/** How far opening a file is: data rows checked so far, and bytes read of the file's size. */
export const csvOpenProgressSchema = z.object({
  rowsRead: z.number().int().min(0),
  bytesRead: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
});
export type CsvOpenProgress = z.infer<typeof csvOpenProgressSchema>;

/** csv:cancelOpen takes nothing and answers how many opens it stopped (0 when none was under way). */
export const csvCancelOpenResultSchema = z.object({ cancelled: z.number().int().min(0) });
export type CsvCancelOpenResult = z.infer<typeof csvCancelOpenResultSchema>;

const organizationRef = { organizationId: z.string().max(200).nullable().optional() };

export const csvOpenArgsSchema = z.strictObject(organizationRef).optional();

/** The preload turns a dropped File into this path (webUtils.getPathForFile); main checks it. */
export const csvOpenDroppedArgsSchema = z.strictObject({
  /** '' when the File has no path on disk (main refuses it with a sentence). */
  path: z.string().max(4096),
  ...organizationRef,
});

export const csvRowsFilterSchema = z.enum(['all', 'problems', 'valid']);
export type CsvRowsFilter = z.infer<typeof csvRowsFilterSchema>;

export const csvRowsArgsSchema = z.strictObject({
  draftId: draftIdSchema,
  offset: z.number().int().min(0),
  /** At most 1,000 (one upload chunk). */
  limit: z.number().int().min(1).max(1000),
  filter: csvRowsFilterSchema.default('all'),
});
export type CsvRowsArgs = z.input<typeof csvRowsArgsSchema>;

export const csvRowsResultSchema = z.object({
  rows: z.array(csvRowSchema),
  /** Rows matching the filter. */
  total: z.number().int(),
  offset: z.number().int(),
  counts: csvCountsSchema,
});
export type CsvRowsResult = z.infer<typeof csvRowsResultSchema>;

export const csvEditArgsSchema = z.strictObject({
  draftId: draftIdSchema,
  row: z.number().int().min(2),
  column: templateColumnSchema,
  value: z.string().max(1000),
});
export type CsvEditArgs = z.input<typeof csvEditArgsSchema>;

/** After an edit or a deletion: the row re-checked and other rows whose duplicate state changed. */
export const csvEditResultSchema = z.object({
  row: csvRowSchema.nullable(),
  affected: z.array(csvRowSchema),
  counts: csvCountsSchema,
});
export type CsvEditResult = z.infer<typeof csvEditResultSchema>;

export const draftRefSchema = z.strictObject({ draftId: draftIdSchema });

export const csvDeleteRowArgsSchema = z.strictObject({
  draftId: draftIdSchema,
  row: z.number().int().min(2),
});

export const csvRecheckArgsSchema = z.strictObject({ draftId: draftIdSchema, ...organizationRef });

/** Files written through main's Save dialog. */
export const csvSaveResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), fileName: z.string(), rows: z.number().int() }),
  z.object({ saved: z.literal(false) }),
]);
export type CsvSaveResult = z.infer<typeof csvSaveResultSchema>;

/** One line of the Import screen's draft list. */
export const draftListItemSchema = z.object({
  draftId: draftIdSchema,
  name: z.string(),
  rows: z.number().int(),
  problems: z.number().int(),
  updatedAt: z.string(),
  upload: draftUploadSchema.nullable(),
  /** When the draft will be deleted (30 days after a completed import); null otherwise. */
  expiresAt: z.string().nullable(),
});
export type DraftListItem = z.infer<typeof draftListItemSchema>;

export const draftSetUploadArgsSchema = z.strictObject({
  draftId: draftIdSchema,
  /** null forgets the upload state (e.g. the admin starts over). */
  upload: draftUploadSchema.nullable(),
});

export const recentFileSchema = z.object({
  /** Opaque id; the path stays in main. */
  id: z.string(),
  name: z.string(),
  /** The folder, for display only. */
  folder: z.string(),
  openedAt: z.string(),
});
export type RecentFile = z.infer<typeof recentFileSchema>;

export const recentFileOpenArgsSchema = z.strictObject({
  id: z.string().min(1).max(100),
  ...organizationRef,
});

/** One organization as cached at sign-in (no contacts: those never cross the bridge). */
export const cachedOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  capacity: z.number().int().nullable(),
  maxLinesAllowed: z.number().int(),
  permissionProfiles: z.array(z.string()),
  availableNumbers: z.number().int(),
});
export type CachedOrganization = z.infer<typeof cachedOrganizationSchema>;

/** How old the organization data cached for a connection profile is. */
export const metadataStatusSchema = z.object({
  profileId: z.string().nullable(),
  /** ISO time of the last successful fetch; null when nothing is cached. */
  cachedAt: z.string().nullable(),
  organizations: z.array(cachedOrganizationSchema),
  existingContacts: z.number().int(),
  /** A sentence when the last refresh failed (kept data still used). */
  message: z.string().nullable(),
});
export type MetadataStatus = z.infer<typeof metadataStatusSchema>;

export const metadataStatusArgsSchema = z
  .strictObject({ profileId: z.string().min(1).max(100).optional() })
  .optional();

export const metadataRefreshArgsSchema = z.strictObject({
  profileId: z.string().min(1).max(100),
});
