// The renderer's own origin: `app://linedesk` in the app (a privileged custom scheme), or the Vite
// dev server during development. Everything else is foreign to the main process.
export const APP_SCHEME = 'app';
export const APP_HOST = 'linedesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL. WHATWG URL reports the origin of custom schemes as "null",
 * so it is rebuilt from protocol and host; http(s) gives the same as `new URL(url).origin`.
 */
export function originOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** The origins the renderer may be served from: the app scheme, plus the dev server if any. */
export function appOrigins(devServerUrl?: string): Set<string> {
  const origins = new Set([APP_ORIGIN]);
  const dev = devServerUrl ? originOfUrl(devServerUrl) : null;
  if (dev) origins.add(dev);
  return origins;
}

export function isAppUrl(url: string, origins: ReadonlySet<string>): boolean {
  const origin = originOfUrl(url);
  return origin !== null && origins.has(origin);
}
