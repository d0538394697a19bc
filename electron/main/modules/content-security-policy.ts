// The renderer's Content-Security-Policy, sent by main as a response header: no inline or eval
// script; inline styles allowed for Vuetify's theme; network access only to the service the window
// is signed in to (an exact http(s) origin: never a bare scheme or a wildcard).
export interface CspOptions {
  /** Service origins the renderer may call with axios. */
  connectOrigins: Iterable<string>;
  /** The Vite dev server during development (its HMR websocket is allowed too). */
  devServerOrigin?: string;
}

export function buildContentSecurityPolicy(options: CspOptions): string {
  const connect = new Set<string>(["'self'"]);
  for (const origin of options.connectOrigins) {
    if (/^https?:\/\/[^\s;,'*/]+$/.test(origin)) connect.add(origin);
  }
  if (options.devServerOrigin) {
    connect.add(options.devServerOrigin);
    connect.add(options.devServerOrigin.replace(/^http/, 'ws'));
  }
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self' data:"],
    ['connect-src', [...connect].join(' ')],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The structural part of Electron's session.webRequest used here. */
export interface HeaderHook {
  onHeadersReceived(
    listener: (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void,
  ): void;
}

/**
 * Adds the policy to every response the renderer loads from its own origins (dev server,
 * app scheme). Service API answers are left alone: CSP does not apply to fetched JSON.
 */
export function installCspHeader(
  webRequest: HeaderHook,
  policy: () => string,
  isAppUrl: (url: string) => boolean,
): void {
  webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({ responseHeaders: details.responseHeaders });
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy()];
    callback({ responseHeaders: headers });
  });
}
