// What the global setup hands to the tests (through environment variables, which workers inherit).
// LINEDESK_E2E_ADMIN_* and a preset LINEDESK_E2E_SERVICE_URL let a developer point the suite at a
// service they already run; by default the global setup starts its own.
export const bootstrapAdministrator = {
  email: process.env.LINEDESK_E2E_ADMIN_EMAIL ?? 'admin@linedesk.test',
  password: process.env.LINEDESK_E2E_ADMIN_PASSWORD ?? 'e2e-Administrator-2026!',
} as const;

export interface E2eEnvironment {
  /** The provisioning service, e.g. http://127.0.0.1:43121 (no /api/v1). */
  serviceUrl: string;
  /** The built renderer, served over HTTP. */
  appUrl: string;
}

/** Reads the environment the global setup published; a clear sentence when it did not run. */
export function e2eEnvironment(): E2eEnvironment {
  const serviceUrl = process.env.LINEDESK_E2E_SERVICE_URL;
  const appUrl = process.env.LINEDESK_E2E_APP_URL;
  if (!serviceUrl || !appUrl) {
    throw new Error('The end-to-end global setup did not run (LINEDESK_E2E_SERVICE_URL is unset).');
  }
  return { serviceUrl, appUrl };
}
