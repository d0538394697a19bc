// electron-builder.yml as electron-builder itself loads and validates it: targets, fuses,
// asar with native modules unpacked, the files shipped, and the resources it points to.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (
    projectDir: string,
    configPath: string,
    fromOptions: null,
  ) => Promise<Record<string, unknown>>;
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

type Target = { target: string; arch: string[] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's Configuration, read loosely
type Config = Record<string, any>;

describe('packaging configuration', () => {
  let config: Config;
  beforeAll(async () => {
    config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
  });

  it('builds NSIS on Windows, a hardened DMG on macOS and an AppImage on Linux', () => {
    expect((config.win.target as Target[]).map((t) => t.target)).toEqual(['nsis']);
    expect((config.mac.target as Target[]).map((t) => t.target)).toEqual(['dmg']);
    expect((config.linux.target as Target[]).map((t) => t.target)).toEqual(['AppImage']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
    });
  });

  it('packs an asar, unpacks native modules and rebuilds them for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**/*']),
    );
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the built app and no sources or source maps', () => {
    // electron-builder normalises `files` into [{ filter: [...] }].
    const files = (config.files as (string | { filter: string[] })[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : entry.filter,
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/electron/**/*',
        'dist/server/**/*',
        'dist/renderer/**/*',
        '!**/*.map',
      ]),
    );
    expect(
      (config.files as string[]).some((pattern) =>
        /^(electron|server|renderer|common)\//.test(pattern),
      ),
    ).toBe(false);
  });

  it('points at the main entry the build writes, and at real resources', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main/index.js');
    const build = await readFile('scripts/build.mjs', 'utf8');
    expect(build).toContain("out('electron/main')");
    expect(build).toContain("fileName: '[name].cjs'");

    const icon = await readFile('build/icon.png');
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    const entitlements = await readFile('build/entitlements.mac.plist', 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
  });
});
