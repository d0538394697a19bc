// Imports store: CSV imports of accounts (for now the template; the wizard's state joins here).
import { defineStore } from 'pinia';
import { getImportTemplateCsv } from '../api/imports';

export const useImportsStore = defineStore('imports', () => {
  /** The CSV template's text, with its header row. */
  function templateCsv(): Promise<string> {
    return getImportTemplateCsv();
  }
  return { templateCsv };
});
