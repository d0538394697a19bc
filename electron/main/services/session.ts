// Signing in to a provisioning service from main: login, refresh and logout over HTTP. The refresh
// token never leaves main; it is kept encrypted in the vault with remember-me, else only in memory.
import type {
  AccessToken,
  ResumeResult,
  SignInArgs,
  SignedInSession,
} from '../../../common/ipc/contract';
import { sessionSchema, type Session } from '../../../common/api/auth';
import type { CredentialVault } from './credential-vault';
import { MainError, isMainError } from './main-error';
import type { ProfileStore, StoredProfile } from './profiles';
import { serviceRequest } from './service-http';

export interface SessionService {
  signIn(args: SignInArgs): Promise<SignedInSession>;
  /** A new access token; main rotates the refresh token. SESSION_EXPIRED when that is over. */
  refresh(profileId: string): Promise<AccessToken>;
  /** Revokes the refresh token on the service (best effort) and wipes it here. */
  signOut(profileId: string): Promise<void>;
  /** Signs in silently from a stored refresh token or saved password, or says why it cannot. */
  resume(profileId: string): Promise<ResumeResult>;
  canResume(profileId: string): boolean;
  /** Forgets every secret of a profile (used when the profile is deleted). */
  forget(profileId: string): void;
  /**
   * An access token for main's own calls (the import upload): the live one while it has a minute
   * left, else a rotated one. `stale` is the token the service just refused, forcing a rotation.
   */
  accessToken(profileId: string, stale?: string): Promise<string>;
}

export const passwordKey = (profileId: string): string => `profile:${profileId}:password`;
export const refreshTokenKey = (profileId: string): string => `profile:${profileId}:refreshToken`;

const SESSION_EXPIRED = 'Your sign-in has ended. Sign in again with your password to continue.';

/** Codes meaning the stored credential itself is no good (not a passing network problem). */
const REJECTED_CODES = new Set([
  'INVALID_CREDENTIALS',
  'INVALID_REFRESH_TOKEN',
  'UNAUTHORIZED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'HTTP_401',
]);

export function createSessionService(options: {
  profiles: ProfileStore;
  vault: CredentialVault;
  fetch?: typeof fetch;
}): SessionService {
  const { profiles, vault } = options;
  const live = new Map<string, { refreshToken: string; accessToken: string; expiresAt: string }>();
  const refreshing = new Map<string, Promise<Session>>();

  const request = <T>(profile: StoredProfile, path: string, body?: unknown, token?: string) =>
    serviceRequest<T>(profile.serviceUrl, path, {
      method: body === undefined ? 'GET' : 'POST',
      body,
      accessToken: token,
      fetch: options.fetch,
    });

  function storedRefreshToken(profileId: string): string | null {
    return live.get(profileId)?.refreshToken ?? vault.get(refreshTokenKey(profileId));
  }

  /** Keeps the new pair in memory, and encrypted in the vault when it was remembered. */
  function keep(profileId: string, tokens: Session, remember: boolean): void {
    live.set(profileId, {
      refreshToken: tokens.refreshToken,
      accessToken: tokens.accessToken,
      expiresAt: tokens.expiresAt,
    });
    if (remember) vault.put(refreshTokenKey(profileId), tokens.refreshToken);
  }

  function wipeTokens(profileId: string): void {
    live.delete(profileId);
    vault.delete(refreshTokenKey(profileId));
  }

  function toSession(
    profile: StoredProfile,
    tokens: Session,
    remembered: boolean,
    notice?: string,
  ): SignedInSession {
    return {
      profileId: profile.id,
      serviceUrl: profile.serviceUrl,
      accessToken: tokens.accessToken,
      expiresAt: tokens.expiresAt,
      administrator: tokens.administrator,
      passwordChangeRequired: tokens.passwordChangeRequired,
      remembered,
      ...(notice ? { notice } : {}),
    };
  }

  async function login(profile: StoredProfile, password: string): Promise<Session> {
    const answer = await request<unknown>(profile, '/auth/login', {
      email: profile.administratorEmail,
      password,
    });
    const session = sessionSchema.safeParse(answer);
    if (!session.success) {
      throw new MainError(
        'UNEXPECTED_ANSWER',
        'The service accepted the sign-in but its answer is not one Linedesk understands. Check that the address points to a Linedesk service.',
      );
    }
    return session.data;
  }

  /** One refresh at a time per profile: a rotated token may only be used once. */
  function rotate(profile: StoredProfile): Promise<Session> {
    const running = refreshing.get(profile.id);
    if (running) return running;
    const job = (async () => {
      const refreshToken = storedRefreshToken(profile.id);
      if (!refreshToken) throw new MainError('SESSION_EXPIRED', SESSION_EXPIRED);
      const remembered = vault.has(refreshTokenKey(profile.id));
      try {
        const answer = await request<unknown>(profile, '/auth/refresh', { refreshToken });
        const tokens = sessionSchema.safeParse(answer);
        if (!tokens.success) throw new MainError('SESSION_EXPIRED', SESSION_EXPIRED);
        keep(profile.id, tokens.data, remembered && vault.status().available);
        return tokens.data;
      } catch (error) {
        if (isMainError(error) && error.code === 'SERVICE_UNREACHABLE') throw error;
        wipeTokens(profile.id);
        throw new MainError('SESSION_EXPIRED', SESSION_EXPIRED);
      }
    })();
    refreshing.set(profile.id, job);
    return job.finally(() => refreshing.delete(profile.id));
  }

  async function signIn(args: SignInArgs): Promise<SignedInSession> {
    const profile = profiles.get(args.profileId);
    const password = args.password ?? vault.get(passwordKey(profile.id));
    if (!password) {
      throw new MainError(
        'PASSWORD_REQUIRED',
        'Enter your password: none is saved for this connection.',
      );
    }
    const tokens = await login(profile, password);
    const status = vault.status();
    const remembered = args.remember && status.available;
    keep(profile.id, tokens, remembered);
    if (remembered) {
      vault.put(passwordKey(profile.id), password);
    } else {
      vault.delete(passwordKey(profile.id));
      vault.delete(refreshTokenKey(profile.id));
    }
    if (profile.rememberPassword !== args.remember) {
      profiles.save({ ...profile, rememberPassword: args.remember });
    }
    const notice = args.remember && !status.available ? status.reason : undefined;
    return toSession(profile, tokens, remembered, notice);
  }

  async function resume(profileId: string): Promise<ResumeResult> {
    const profile = profiles.find(profileId);
    if (!profile) {
      return {
        resumed: false,
        code: 'PROFILE_NOT_FOUND',
        message: 'This connection no longer exists.',
      };
    }
    let lastProblem: MainError | undefined;
    if (storedRefreshToken(profileId)) {
      try {
        const tokens = await rotate(profile);
        return {
          resumed: true,
          session: toSession(profile, tokens, vault.has(refreshTokenKey(profileId))),
        };
      } catch (error) {
        if (!isMainError(error)) throw error;
        if (error.code === 'SERVICE_UNREACHABLE')
          return { resumed: false, code: error.code, message: error.message };
        lastProblem = error;
      }
    }
    if (vault.has(passwordKey(profileId))) {
      try {
        return { resumed: true, session: await signIn({ profileId, remember: true }) };
      } catch (error) {
        if (!isMainError(error)) throw error;
        if (REJECTED_CODES.has(error.code)) vault.delete(passwordKey(profileId));
        return { resumed: false, code: error.code, message: error.message };
      }
    }
    return {
      resumed: false,
      code: lastProblem?.code ?? 'NOTHING_SAVED',
      message:
        lastProblem?.message ?? 'Sign in with your password: nothing is saved for this connection.',
    };
  }

  return {
    signIn,
    async refresh(profileId) {
      const tokens = await rotate(profiles.get(profileId));
      return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
    },
    async signOut(profileId) {
      const profile = profiles.find(profileId);
      const refreshToken = storedRefreshToken(profileId);
      const accessToken = live.get(profileId)?.accessToken;
      wipeTokens(profileId);
      if (profile && refreshToken) {
        // Best effort: the tokens are gone here whatever the service says.
        await request(profile, '/auth/logout', { refreshToken }, accessToken).catch(
          () => undefined,
        );
      }
    },
    resume,
    canResume(profileId) {
      return (
        live.has(profileId) ||
        vault.has(refreshTokenKey(profileId)) ||
        vault.has(passwordKey(profileId))
      );
    },
    forget(profileId) {
      wipeTokens(profileId);
      vault.deleteWhere(`profile:${profileId}:`);
    },
    async accessToken(profileId, stale) {
      const current = live.get(profileId);
      const fresh =
        current &&
        current.accessToken !== stale &&
        Date.parse(current.expiresAt) - Date.now() > 60_000;
      if (fresh) return current.accessToken;
      return (await rotate(profiles.get(profileId))).accessToken;
    },
  };
}
