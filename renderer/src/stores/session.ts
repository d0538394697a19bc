// Session store: which service the admin is signed in to, as whom, and the in-memory access token.
// The refresh token and any saved password stay in main (encrypted); the renderer never sees them.
import { defineStore } from 'pinia';
import {
  bridgeErrorMessage,
  linedesk,
  type ConnectionProfile,
  type SignedInSession,
} from '../bridge/linedesk';
import {
  connectClient,
  currentServiceUrl,
  disconnectClient,
  setSessionLostHandler,
} from '../api/client';
import { changePassword } from '../api/auth';
import type { Administrator, Privilege } from '../../../common/api/administrators';
import { usePreferencesStore } from './preferences';

/** Who is signed in, as the login answer gives it (the one administrator shape). */
export type SignedInAdministrator = Administrator;

interface State {
  profile: ConnectionProfile | null;
  administrator: SignedInAdministrator | null;
  /** A sentence from main, e.g. why remember-me could not be honoured. */
  notice: string | null;
  expiresAt: string | null;
  passwordChangeRequired: boolean;
  /** Why the admin was sent back to Sign in (session ended, signed out elsewhere…). */
  endedReason: string | null;
}

export const useSessionStore = defineStore('session', {
  state: (): State => ({
    profile: null,
    administrator: null,
    expiresAt: null,
    passwordChangeRequired: false,
    endedReason: null,
    notice: null,
  }),
  getters: {
    signedIn: (state) => state.profile !== null && state.administrator !== null,
    /** "This computer" for the embedded service, else the profile name. */
    serviceName: (state) => (state.profile?.local ? 'This computer' : (state.profile?.name ?? '')),
    can: (state) => (privilege: Privilege) =>
      state.administrator?.privileges.includes(privilege) ?? false,
  },
  actions: {
    /** Adopts a successful sign-in from main: connects the HTTP client and remembers the profile. */
    adopt(profile: ConnectionProfile, result: SignedInSession): void {
      connectClient({
        profileId: profile.id,
        serviceUrl: result.serviceUrl || profile.serviceUrl,
        accessToken: result.accessToken,
      });
      setSessionLostHandler((reason) => this.end(reason));
      this.profile = profile;
      this.administrator = result.administrator;
      this.notice = result.notice ?? null;
      this.expiresAt = result.expiresAt;
      this.passwordChangeRequired = result.passwordChangeRequired;
      this.endedReason = null;
      void usePreferencesStore().update({ lastProfileId: profile.id });
    },

    /** Signs in with a saved profile; main performs the login and keeps the refresh token. */
    async signIn(
      profile: ConnectionProfile,
      password: string | undefined,
      remember: boolean,
    ): Promise<void> {
      const result = await linedesk().session.signIn({ profileId: profile.id, password, remember });
      this.adopt(profile, result);
    },

    /** Signs in silently from what main has stored; false when it cannot. */
    async resume(profile: ConnectionProfile): Promise<boolean> {
      try {
        const result = await linedesk().session.resume({ profileId: profile.id });
        if (!result.resumed) return false;
        this.adopt(profile, result.session);
        return true;
      } catch {
        return false;
      }
    },

    /** Starts the service on this computer and signs in to it. */
    async startLocal(): Promise<void> {
      const result = await linedesk().localService.start();
      this.adopt(result.profile, result.session);
    },

    /** Signs out in main (revokes the refresh token) and forgets the session here. */
    async signOut(): Promise<void> {
      const profile = this.profile;
      this.end(null);
      if (profile) {
        try {
          await linedesk().session.signOut({ profileId: profile.id });
        } catch (error) {
          this.endedReason = `Signed out here, but the service was not told: ${bridgeErrorMessage(error)}`;
        }
      }
    },

    /** Replaces the signed-in administrator's password; the service's errors are thrown. */
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await changePassword(currentPassword, newPassword);
    },

    /** The address of the service signed in to, for messages ("Cannot reach http://…"). */
    currentServiceUrl(): string | null {
      return currentServiceUrl();
    },

    /** Forgets the session (token expired and could not be refreshed, or signed out). */
    end(reason: string | null): void {
      disconnectClient();
      this.profile = null;
      this.administrator = null;
      this.expiresAt = null;
      this.passwordChangeRequired = false;
      this.notice = null;
      this.endedReason = reason;
    },
  },
});
