// The CSV template, header aliases, formula neutralising, the writer and the import row rules
// (browser-safe: used by the service, the Electron main process and the renderer).
export * from './template';
export * from './header-aliases';
export * from './formula';
export * from './writer';
export * from './row-rules';
export * from './control-characters';
export * from './file-check';
