// Which service the window is signed in to: the renderer's CSP `connect-src` lists that origin
// only (never every saved profile, never `http:` or `*`), and main reloads the window when it
// changes to one the loaded page does not allow (e.g. the local service on a new port).
import type { ProfileStore } from './profiles';
import type { SessionService } from './session';

export interface SignedInOrigin {
  /** The origins the renderer may call now: the signed-in service's, or none. */
  current(): string[];
  /** Called whenever that changes; answers the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** The session service, reporting each sign-in, resume and sign-out here. */
  session: SessionService;
}

export function followSignedInOrigin(
  session: SessionService,
  profiles: ProfileStore,
): SignedInOrigin {
  let origin: string | null = null;
  const listeners = new Set<() => void>();
  const set = (next: string | null) => {
    if (next === origin) return;
    origin = next;
    for (const listener of listeners) listener();
  };
  const originOf = (profileId: string): string | null => {
    try {
      return new URL(profiles.get(profileId).serviceUrl).origin;
    } catch {
      return null;
    }
  };
  const tracked: SessionService = {
    ...session,
    async signIn(args) {
      const signedIn = await session.signIn(args);
      set(originOf(args.profileId));
      return signedIn;
    },
    async resume(profileId) {
      const result = await session.resume(profileId);
      if (result.resumed) set(originOf(profileId));
      return result;
    },
    async signOut(profileId) {
      await session.signOut(profileId);
      if (originOf(profileId) === origin) set(null);
    },
  };
  return {
    current: () => (origin ? [origin] : []),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    session: tracked,
  };
}
