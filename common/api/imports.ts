// REST shapes of CSV imports (api.md /api/v1/imports/*): a job, its chunks of rows and their outcomes.
import { z } from 'zod';
import { hasControlCharacter } from '../csv/control-characters';
import { TEMPLATE_COLUMN_KEYS } from '../csv/template';
import { applications } from './accounts';
import { idSchema, pageQuerySchema, pagedSchema } from './paging';

export const importStatuses = ['open', 'completed', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importRowOutcomes = ['created', 'invalid', 'duplicate'] as const;
export type ImportRowOutcome = (typeof importRowOutcomes)[number];

/** Most rows one chunk may carry (keeps one chunk's transaction short). */
export const maxImportChunkRows = 1000;

export const createImportBodySchema = z.object({
  organizationId: idSchema,
  applications: z.array(z.enum(applications)).min(1).default(['MultiLine']),
  /** null or absent: the organization's default profile. */
  permissionProfileId: idSchema.nullable().optional(),
  invite: z.boolean().default(false),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine((text) => !hasControlCharacter(text), 'A file name cannot contain control characters.'),
  rowCount: z.number().int().min(0).max(10_000_000),
});
export type CreateImportBody = z.infer<typeof createImportBodySchema>;

export const importCountsSchema = z.object({
  created: z.number().int(),
  invalid: z.number().int(),
  duplicate: z.number().int(),
  invited: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  status: z.enum(importStatuses),
  invite: z.boolean(),
  fileName: z.string(),
  rowCount: z.number().int(),
  counts: importCountsSchema,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Added: the job's settings, so a resumed wizard knows them. */
  applications: z.array(z.enum(applications)),
  permissionProfileId: z.string().nullable(),
  /** Added: indexes of the chunks the service has stored, so an upload can resume. */
  chunksReceived: z.number().int(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

const cellSchema = z.string().max(1000).nullable().optional();

/** One row as the wizard sends it: cells as text (a leading `+` or `0` is never lost). */
export const importRowInputSchema = z.object({
  /** The row as a spreadsheet shows it (header = row 1). */
  rowNumber: z.number().int().min(2).max(100_000_000),
  firstName: cellSchema,
  lastName: cellSchema,
  contact: cellSchema,
  // null sits on the number branch so the published schema gives `nullable` a type.
  linesAllowed: z.union([z.number().nullable(), z.string().max(100)]).optional(),
  permissionProfile: cellSchema,
  number: cellSchema,
});
export type ImportRowInput = z.infer<typeof importRowInputSchema>;

export const importChunkParamsSchema = z.object({
  id: idSchema,
  index: z.coerce.number().int().min(0).max(1_000_000),
});
export type ImportChunkParams = z.infer<typeof importChunkParamsSchema>;

export const importChunkBodySchema = z.object({
  rows: z.array(importRowInputSchema).max(maxImportChunkRows),
});
export type ImportChunkBody = z.infer<typeof importChunkBodySchema>;

export const importRowErrorSchema = z.object({
  column: z.enum(TEMPLATE_COLUMN_KEYS).nullable(),
  /** e.g. `Row 5, Email or Device #: "abc" is not a valid email address.` */
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importRowResultSchema = z.object({
  rowNumber: z.number().int(),
  outcome: z.enum(importRowOutcomes),
  accountId: z.string().optional(),
  errors: z.array(importRowErrorSchema).optional(),
});
export type ImportRowResult = z.infer<typeof importRowResultSchema>;

export const importChunkResultSchema = z.object({ results: z.array(importRowResultSchema) });
export type ImportChunkResult = z.infer<typeof importChunkResultSchema>;

export const importListQuerySchema = pageQuerySchema.extend({
  organizationId: idSchema.optional(),
});
export type ImportListQuery = z.infer<typeof importListQuerySchema>;

export const importJobPageSchema = pagedSchema(importJobSchema);
export type ImportJobPage = z.infer<typeof importJobPageSchema>;

/** Columns of results.csv: the template columns, then the outcome, account and messages. */
export const IMPORT_RESULTS_EXTRA_COLUMNS = ['Row', 'Outcome', 'Account ID', 'Errors'] as const;
