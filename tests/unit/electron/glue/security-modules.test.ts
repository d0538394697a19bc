// The security modules on their own: CSP text, origin checks, restored window bounds.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  appOrigins,
  isAppUrl,
  originOfUrl,
} from '../../../../electron/main/modules/app-origin';
import { resolveRendererFile } from '../../../../electron/main/modules/app-protocol';
import { buildContentSecurityPolicy } from '../../../../electron/main/modules/content-security-policy';
import { restoreBounds } from '../../../../electron/main/modules/window-manager';

describe('content security policy', () => {
  it('lets the renderer reach only the configured services', () => {
    const policy = buildContentSecurityPolicy({
      connectOrigins: [
        'https://ld.example.com',
        'http://127.0.0.1:53121',
        "https://x.example; script-src 'unsafe-eval'",
      ],
    });
    const connect = policy.split('; ').find((directive) => directive.startsWith('connect-src'));
    expect(connect).toBe("connect-src 'self' https://ld.example.com http://127.0.0.1:53121");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('adds the dev server and its HMR socket only in development', () => {
    const policy = buildContentSecurityPolicy({
      connectOrigins: [],
      devServerOrigin: 'http://localhost:5173',
    });
    expect(policy).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
  });
});

describe('app origin', () => {
  it('compares scheme and host exactly', () => {
    const origins = appOrigins('http://localhost:5173/');
    expect(originOfUrl('app://linedesk/index.html#/accounts')).toBe(APP_ORIGIN);
    expect(isAppUrl('app://linedesk/index.html', origins)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/sign-in', origins)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', origins)).toBe(false);
    expect(isAppUrl('app://linedesk.evil/', origins)).toBe(false);
    expect(isAppUrl('https://linedesk/', origins)).toBe(false);
    expect(isAppUrl('not a url', origins)).toBe(false);
    expect(isAppUrl('app://linedesk/', appOrigins())).toBe(true);
    expect(isAppUrl('http://localhost:5173/', appOrigins())).toBe(false);
  });

  it('keeps renderer files inside their folder', () => {
    expect(resolveRendererFile('/app/dist/renderer', 'app://linedesk/assets/a.js')).toBe(
      '/app/dist/renderer/assets/a.js',
    );
    expect(resolveRendererFile('/app/dist/renderer', 'app://linedesk/../../etc/passwd')).toBe(
      '/app/dist/renderer/etc/passwd',
    );
    expect(resolveRendererFile('/app/dist/renderer', 'app://linedesk/%2e%2e/%2e%2e/secret')).toBe(
      '/app/dist/renderer/secret',
    );
    expect(
      resolveRendererFile('/app/dist/renderer', 'app://linedesk/..%5C..%5Csecret'),
    ).not.toMatch(/^\/app\/dist\/secret/);
    expect(resolveRendererFile('/app/dist/renderer', 'app://elsewhere/index.html')).toBeNull();
  });
});

describe('window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores what is still on a screen, drops the position otherwise', () => {
    expect(
      restoreBounds({ x: 100, y: 50, width: 1200, height: 800, maximized: true }, screen),
    ).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect(restoreBounds({ x: 3000, y: 50, width: 1200, height: 800 }, screen)).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(restoreBounds({ width: 10, height: 10 }, screen)).toMatchObject({
      width: 960,
      height: 600,
    });
    expect(restoreBounds('garbage', screen)).toMatchObject({ width: 1320, height: 840 });
  });
});
