// Vite build of the renderer: root renderer/, output dist/renderer, relative base so Electron can load it from file://.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import vuetify from 'vite-plugin-vuetify';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [vue(), vuetify({ autoImport: true })],
  build: {
    outDir,
    emptyOutDir: true,
    // The app is loaded locally, so one bundle per route family is plenty; keep the warning quiet.
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
