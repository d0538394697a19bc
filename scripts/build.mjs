// `npm run build`: Electron main (ESM) and preload (one CommonJS file, for the sandbox) into
// dist/electron, the provisioning service bundled into dist/server (run by utilityProcess in the
// packaged app), then the renderer with its own vite.config.ts into dist/renderer.
import { spawnSync } from 'node:child_process';
import { copyFile, readdir } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

// `--only main,preload,server,renderer` builds a part; `--out-dir DIR` replaces dist/ (tests).
const { values: options } = parseArgs({
  options: { only: { type: 'string' }, 'out-dir': { type: 'string' } },
});
const parts = new Set((options.only ?? 'main,preload,server,renderer').split(','));
const root = fileURLToPath(new URL('..', import.meta.url));
const at = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));
const out = (relative) =>
  options['out-dir'] ? path.resolve(options['out-dir'], relative) : at(`dist/${relative}`);
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

if (parts.has('main'))
  await bundle({
    label: 'Electron main',
    input: { index: at('electron/main/index.ts') },
    outDir: out('electron/main'),
    format: 'es',
    fileName: '[name].js',
    // Runtime dependencies stay in node_modules (packaged by electron-builder).
    external: ['electron', 'electron-store', 'conf', 'zod'],
    bundleDependencies: false,
  });

// The CSV worker thread: one self-contained ES module (no node_modules lookups), unpacked from
// the asar archive so worker_threads can load it (electron-builder.yml asarUnpack).
if (parts.has('main'))
  await bundle({
    label: 'CSV worker',
    input: { 'csv-worker': at('electron/main/services/csv/csv-worker.ts') },
    outDir: out('electron/csv-worker'),
    format: 'es',
    fileName: '[name].mjs',
    external: [],
    bundleDependencies: true,
  });

if (parts.has('preload'))
  await bundle({
    label: 'Electron preload',
    input: { index: at('electron/preload/index.ts') },
    outDir: out('electron/preload'),
    format: 'cjs',
    fileName: '[name].cjs',
    // A sandboxed preload can require nothing but electron: everything else is inlined.
    external: ['electron'],
    bundleDependencies: true,
  });

// Loaded at run time from files beside the entry, so each is an entry of its own: migrations are
// listed from dist/server/migrations, the demo seed by a computed import('./demo/seed').
const migrations = (await readdir(at('server/db/migrations')))
  .filter((file) => /^\d+-[\w-]+\.ts$/.test(file) && !file.endsWith('.d.ts'))
  .map((file) => [`migrations/${file.replace(/\.ts$/, '')}`, at(`server/db/migrations/${file}`)]);

if (parts.has('server'))
  await bundle({
    label: 'provisioning service',
    input: {
      cli: at('server/cli.ts'),
      'demo/seed': at('server/demo/seed.ts'),
      ...Object.fromEntries(migrations),
    },
    outDir: out('server'),
    format: 'es',
    fileName: '[name].js',
    // Native and driver modules are loaded from node_modules (rebuilt for Electron when packaged).
    external: ['better-sqlite3', 'pg', 'pg-native', '@node-rs/argon2', /^@node-rs\/argon2-/],
    bundleDependencies: true,
  });

// server/cli.ts imports './demo/seed' without an extension; Node resolves an exact file name.
if (parts.has('server')) await copyFile(out('server/demo/seed.js'), out('server/demo/seed'));

if (parts.has('renderer')) {
  console.log('building renderer…');
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const args = ['build', ...(options['out-dir'] ? ['--outDir', out('renderer')] : [])];
  const renderer = spawnSync(process.execPath, [vite, ...args], { cwd: root, stdio: 'inherit' });
  if (renderer.status !== 0) {
    console.error('The renderer build failed (see above).');
    process.exit(renderer.status ?? 1);
  }
}
console.log(`built ${[...parts].join(', ')} into ${options['out-dir'] ?? 'dist/'}`);
