// CSV imports of accounts: the template file (the wizard's jobs and chunks are added here too).
import { csvText, request } from './request';

/** The CSV template's text, with its header row. */
export function getImportTemplateCsv(): Promise<string> {
  return request(csvText.schema, {
    ...csvText.config,
    url: '/imports/template.csv',
    what: 'the CSV template',
  });
}
