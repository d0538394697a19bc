// The service's settings from the command line and the environment (api.md "Running it").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { smtpTlsModes, type SmtpTlsMode } from './delivery/smtp-tls';

export interface ServiceConfig {
  host: string;
  port: number;
  dataDir: string;
  demo: boolean;
  /** `postgres://…` → PostgreSQL; unset → SQLite in dataDir. */
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  smtpUrl: string | undefined;
  smsUrl: string | undefined;
  smsToken: string | undefined;
  /** Base of the activation link put in invitations. */
  activationUrl: string;
  /** Browser origins allowed by CORS. */
  allowedOrigins: string[];
  /** Overrides the signing and hashing secrets kept in the database (32 characters or more). */
  secret: string | undefined;
  /** Other secrets accepted while LINEDESK_SECRET is rotated (LINEDESK_ACCEPTED_SECRETS, comma list). */
  acceptedSecrets: string[];
  /** Name of the root organization created on an empty database. */
  rootOrganizationName: string;
  /** Behind a load balancer: trust X-Forwarded-For from these proxy addresses only (never all). */
  trustProxy: false | string[];
  /** LINEDESK_SMTP_TLS: `required` or `opportunistic` STARTTLS; unset = by the SMTP host. */
  smtpTls: SmtpTlsMode | undefined;
  logLevel: string;
  version: string;
  /** A refresh chain ends this many hours after sign-in at the latest (LINEDESK_SESSION_HOURS). */
  sessionHours: number;
  /** ... and after this many minutes without a refresh (LINEDESK_IDLE_MINUTES). */
  idleMinutes: number;
}

/**
 * The desktop app's own renderer origin. Development origins are never a default: the dev run
 * passes its dev server's origin in LINEDESK_ALLOWED_ORIGINS explicitly.
 */
export const desktopAppOrigins = ['app://linedesk'];

export const defaultActivationUrl = 'https://activate.linedesk.example/activate';

/** The app's version from package.json: one folder up from server/, two from the bundled dist/server/. */
function packageVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const text = readFileSync(new URL(candidate, import.meta.url), 'utf8');
      const parsed = JSON.parse(text) as { name?: unknown; version?: unknown };
      if (parsed.name === 'linedesk' && typeof parsed.version === 'string') return parsed.version;
    } catch {
      // Not there: try the next place.
    }
  }
  return '0.0.0';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function parseTrustProxy(text: string | undefined): false | string[] {
  if (text === undefined || text === 'false' || text === '0') return false;
  if (/^(true|yes|on|1|\*)$/i.test(text)) {
    // Trusting every hop lets any client choose its own address (and dodge the per-address limit).
    throw new Error(
      'LINEDESK_TRUST_PROXY takes the addresses of your proxies (e.g. 10.0.0.5,10.0.0.6), not "true".',
    );
  }
  return text
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
}

function parseSmtpTls(text: string | undefined): SmtpTlsMode | undefined {
  if (text === undefined) return undefined;
  const mode = smtpTlsModes.find((candidate) => candidate === text.toLowerCase());
  if (!mode) {
    throw new Error(`LINEDESK_SMTP_TLS must be "required" or "opportunistic", not "${text}".`);
  }
  return mode;
}

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not "${text}".`);
  }
  return value;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return port;
}

/** Reads argv (without node and script) and env; throws a readable Error on bad options. */
export function loadConfig(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const origins = nonEmpty(env.LINEDESK_ALLOWED_ORIGINS);
  return {
    host: values.host ?? nonEmpty(env.LINEDESK_HOST) ?? '127.0.0.1',
    port: parsePort(values.port ?? nonEmpty(env.LINEDESK_PORT) ?? '8787'),
    dataDir: path.resolve(values['data-dir'] ?? nonEmpty(env.LINEDESK_DATA_DIR) ?? '.linedesk'),
    demo: values.demo ?? false,
    databaseUrl: nonEmpty(env.DATABASE_URL),
    adminEmail: nonEmpty(env.LINEDESK_ADMIN_EMAIL)?.toLowerCase(),
    adminPassword: env.LINEDESK_ADMIN_PASSWORD || undefined,
    smtpUrl: nonEmpty(env.LINEDESK_SMTP_URL),
    smsUrl: nonEmpty(env.LINEDESK_SMS_URL),
    smsToken: nonEmpty(env.LINEDESK_SMS_TOKEN),
    activationUrl: nonEmpty(env.LINEDESK_ACTIVATION_URL) ?? defaultActivationUrl,
    allowedOrigins: origins
      ? origins
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : desktopAppOrigins,
    secret: env.LINEDESK_SECRET || undefined,
    acceptedSecrets: (env.LINEDESK_ACCEPTED_SECRETS ?? '')
      .split(',')
      .map((secret) => secret.trim())
      .filter(Boolean),
    rootOrganizationName: nonEmpty(env.LINEDESK_ORGANIZATION_NAME) ?? 'Main Organization',
    trustProxy: parseTrustProxy(nonEmpty(env.LINEDESK_TRUST_PROXY)),
    smtpTls: parseSmtpTls(nonEmpty(env.LINEDESK_SMTP_TLS)),
    logLevel: nonEmpty(env.LINEDESK_LOG_LEVEL) ?? 'info',
    version: packageVersion(),
    sessionHours: positiveNumber(
      'LINEDESK_SESSION_HOURS',
      nonEmpty(env.LINEDESK_SESSION_HOURS),
      12,
    ),
    idleMinutes: positiveNumber('LINEDESK_IDLE_MINUTES', nonEmpty(env.LINEDESK_IDLE_MINUTES), 60),
  };
}

/** Defaults for tests and embedding: everything local, no transports. */
export function defaultConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return { ...loadConfig([], {}), ...overrides };
}
