// `npm run build`: Electron main (ESM) and preload (one CommonJS file, for the sandbox) into
// dist/electron, the provisioning service bundled into dist/server (run by utilityProcess in the
// packaged app), then the renderer with its own vite.config.ts into dist/renderer.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// Electron 41 runs Node 24; the service bundle must also run on the Node 20 used in development.
const target = 'node20';

/** A Node-side library build: no config file, no public dir, nothing minified (readable stacks). */
async function bundle({ label, input, outDir, format, fileName, external, bundleDependencies }) {
  console.log(`building ${label}…`);
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    ssr: bundleDependencies ? { noExternal: true, external: [] } : {},
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target,
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input,
        external: [...nodeBuiltins, ...external],
        output: { format, entryFileNames: fileName, chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}

await bundle({
  label: 'Electron main',
  input: { index: at('electron/main/index.ts') },
  outDir: at('dist/electron/main'),
  format: 'es',
  fileName: '[name].js',
  // Runtime dependencies stay in node_modules (packaged by electron-builder).
  external: ['electron', 'electron-store', 'conf', 'zod'],
  bundleDependencies: false,
});

await bundle({
  label: 'Electron preload',
  input: { index: at('electron/preload/index.ts') },
  outDir: at('dist/electron/preload'),
  format: 'cjs',
  fileName: '[name].cjs',
  // A sandboxed preload can require nothing but electron: everything else is inlined.
  external: ['electron'],
  bundleDependencies: true,
});

await bundle({
  label: 'provisioning service',
  // The demo seed is loaded by a computed import('./demo/seed…') in server/cli.ts: built beside it.
  input: { cli: at('server/cli.ts'), 'demo/seed': at('server/demo/seed.ts') },
  outDir: at('dist/server'),
  format: 'es',
  fileName: '[name].js',
  // Native and driver modules are loaded from node_modules (rebuilt for Electron when packaged).
  external: ['better-sqlite3', 'pg', 'pg-native', '@node-rs/argon2', /^@node-rs\/argon2-/],
  bundleDependencies: true,
});

console.log('building renderer…');
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const renderer = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
if (renderer.status !== 0) {
  console.error('The renderer build failed (see above).');
  process.exit(renderer.status ?? 1);
}
console.log('build complete: dist/electron, dist/server, dist/renderer');
