// Single-file components as plain modules for tools that only read TypeScript (typescript-eslint's
// type-aware rules); vue-tsc resolves the real .vue files and never falls back to this.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
