// Which links may leave the app for the system browser: the app's own help sites, its own list —
// never widened by saved connection profiles (the renderer writes those). Exact origin, never prefix.
import { MainError } from './main-error';

/** Sites Linedesk itself links to. */
export const DEFAULT_EXTERNAL_ORIGINS = ['https://linedesk.app', 'https://help.linedesk.app'];

/** Where Help → Linedesk Help leads. */
export const HELP_URL = 'https://help.linedesk.app/';

/** The part of Electron's shell used here; a test double in Node. */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

export interface ExternalLinks {
  isAllowed(url: string): boolean;
  /** Opens an allowed link in the system browser; LINK_NOT_ALLOWED otherwise. */
  open(url: string): Promise<void>;
}

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function createExternalLinks(options: {
  shell: ExternalOpener;
  allowedOrigins?: Iterable<string>;
}): ExternalLinks {
  const fixed = new Set(options.allowedOrigins ?? DEFAULT_EXTERNAL_ORIGINS);

  function isAllowed(url: string): boolean {
    const origin = originOf(url);
    if (!origin) return false;
    return fixed.has(origin);
  }

  return {
    isAllowed,
    async open(url) {
      if (!isAllowed(url)) {
        throw new MainError(
          'LINK_NOT_ALLOWED',
          'Linedesk only opens links to its own help site; this link was not opened.',
        );
      }
      await options.shell.openExternal(url);
    },
  };
}
