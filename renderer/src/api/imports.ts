// CSV imports of accounts as the renderer reads them (the upload itself runs in main): the template,
// the service's import history, one job and its results CSV.
import { importJobPageSchema, importJobSchema, type ImportJob } from '../../../common/api/imports';
import { csvText, request } from './request';

/** The CSV template's text, with its header row. */
export function getImportTemplateCsv(): Promise<string> {
  return request(csvText.schema, {
    ...csvText.config,
    url: '/imports/template.csv',
    what: 'the CSV template',
  });
}

/** The service's import history, newest first. */
export function listImports(page = 1, pageSize = 25) {
  return request(importJobPageSchema, {
    url: '/imports',
    params: { page, pageSize },
    what: 'the import history',
  });
}

export function getImport(id: string): Promise<ImportJob> {
  return request(importJobSchema, { url: `/imports/${id}`, what: 'the import' });
}

/** Every row of a job with its outcome and messages, as CSV text. */
export function getImportResultsCsv(id: string): Promise<string> {
  return request(csvText.schema, {
    ...csvText.config,
    url: `/imports/${id}/results.csv`,
    what: 'the import results',
  });
}
