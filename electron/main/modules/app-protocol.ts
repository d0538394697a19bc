// Serves the built renderer from `app://linedesk/` (a privileged standard scheme) with the CSP
// header on each page. Paths cannot leave the renderer folder; client-side routes get index.html.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from './app-origin';

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges: Record<string, boolean> }[],
  ): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void;
}

/** Must run before the app is ready. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** The file for a request path, or null when it would leave the renderer folder. */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${path.posix.normalize(relative)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

export function serveRenderer(options: {
  protocol: ProtocolLike;
  rendererDir: string;
  /** Electron's net.fetch, which reads file:// URLs with the right content type. */
  fetchFile: (url: string) => Promise<Response>;
  policy: () => string;
}): void {
  const { protocol, rendererDir } = options;
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const isFile = await stat(file).then(
      (info) => info.isFile(),
      () => false,
    );
    // Client-side routes (no extension) get the app shell; a missing asset is a plain 404.
    if (!isFile && path.extname(file) !== '') return new Response('Not found', { status: 404 });
    const target = isFile ? file : path.join(rendererDir, 'index.html');
    const response = await options.fetchFile(pathToFileURL(target).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', options.policy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
