// Runs scripts/build.mjs for main, preload and the service into a temp folder and checks what
// ships: a one-file CommonJS preload that needs only electron, a main that imports only what the
// package provides, and a bundled service that starts and answers on its own.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../common/ipc/contract';
import { createCsvWorkerClient } from '../../../electron/main/services/csv/csv-worker-client';
import { makeTempDir } from './support/temp-dir';

describe('build output', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  const out = (relative: string) => path.join(temp.dir, relative);

  beforeAll(async () => {
    temp = await makeTempDir('linedesk-build-');
    const result = spawnSync(
      process.execPath,
      ['scripts/build.mjs', '--only', 'main,preload,server', '--out-dir', temp.dir],
      { encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    // Resolve the externals as the packaged app does: from the app's node_modules, as ESM.
    await symlink(path.resolve('node_modules'), out('node_modules'), 'dir');
    await writeFile(out('package.json'), JSON.stringify({ type: 'module' }));
  }, 240_000);
  afterAll(() => temp.remove());

  it('the preload is one CommonJS file that requires only electron and exposes the bridge', async () => {
    const code = await readFile(out('electron/preload/index.cjs'), 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, Record<string, Record<string, unknown>>>();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: never) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async () => ({ ok: true, value: null }),
        on() {},
        removeListener() {},
      },
    };
    const module = { exports: {} };
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return fakeElectron;
      },
    });
    expect([...new Set(required)]).toEqual(['electron']);
    const bridge = exposed.get('linedesk')!;
    const names = Object.entries(bridge).flatMap(([domain, group]) =>
      Object.keys(group).map((action) => `${domain}:${action}`),
    );
    expect(names.sort()).toEqual([...IPC_CHANNELS, 'menu:onCommand', 'csv:onOpenProgress'].sort());
  });

  it('main imports only electron, Node built-ins and the package dependencies', async () => {
    const code = await readFile(out('electron/main/index.js'), 'utf8');
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const specifiers = [...code.matchAll(/^import .* from "([^"]+)";?$/gm)].map(
      (match) => match[1]!,
    );
    expect(specifiers).toContain('electron');
    for (const specifier of specifiers) {
      const allowed =
        specifier === 'electron' ||
        specifier.startsWith('node:') ||
        specifier.startsWith('./') ||
        // A dependency's subpath export (`libphonenumber-js/max`) is that dependency.
        Object.hasOwn(
          pkg.dependencies,
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      expect(allowed, specifier).toBe(true);
    }
  });

  it('the bundled service starts on its own and answers', { timeout: 90_000 }, async () => {
    const dataDir = out('service-data');
    const child = spawn(
      process.execPath,
      [out('server/cli.js'), '--port', '0', '--data-dir', dataDir],
      {
        env: {
          ...process.env,
          DATABASE_URL: '',
          LINEDESK_ADMIN_EMAIL: 'a@example.com',
          LINEDESK_ADMIN_PASSWORD: 'correct horse battery',
        },
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`service exited with ${code}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          const match = /listening on (http:\/\/\S+)/.exec(line);
          if (match?.[1]) resolve(match[1]);
        });
      });
      const health = await fetch(`${url}/api/v1/health`).then((response) => response.json());
      expect(health).toMatchObject({ status: 'ok', database: 'sqlite' });
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@example.com', password: 'correct horse battery' }),
      });
      expect(login.status).toBe(200);
    } finally {
      child.kill();
    }
  });

  it('the CSV worker is one self-contained module that reads and checks a file', async () => {
    const code = await readFile(out('electron/csv-worker/csv-worker.mjs'), 'utf8');
    const imported = [...code.matchAll(/^import .* from ['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imported.filter((name) => !name!.startsWith('node:'))).toEqual([]);
    const worker = createCsvWorkerClient(out('electron/csv-worker/csv-worker.mjs'));
    try {
      const loaded = await worker.load({
        draftId: 'build-output',
        sourcePath: path.resolve('tests/fixtures/csv/libreoffice-utf16le-tab.txt'),
        context: {},
        edits: [],
        deleted: [],
      });
      expect(loaded).toMatchObject({ ok: true, encoding: 'utf-16le', counts: { rows: 6 } });
    } finally {
      await worker.terminate();
    }
  });
});
