// The service's settings, read once: the command line plus the environment parsed by one zod
// schema. No other module of the service reads process.env. A new variable is one line in
// `environmentSchema` and one field in `ServiceConfig`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { smtpTlsModes, type SmtpTlsMode } from './delivery/smtp-tls';

/** How the outbox worker retries and polls. */
export interface DeliverySettings {
  maxAttempts: number;
  /** First retry delay; each further retry waits twice as long. */
  retryBaseMs: number;
  pollIntervalMs: number;
  /** Messages sent at once, each over its own pooled SMTP connection (default 10). */
  concurrency?: number;
}

/** Everything the service is configured with. */
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
  /** The From address of invitation emails (LINEDESK_SMTP_FROM). */
  smtpFrom: string | undefined;
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
  /** Outbox worker tuning (LINEDESK_DELIVERY_*). */
  delivery: DeliverySettings;
}

/**
 * The desktop app's own renderer origin. Development origins are never a default: the dev run
 * passes its dev server's origin in LINEDESK_ALLOWED_ORIGINS explicitly.
 */
export const desktopAppOrigins = ['app://linedesk'];

export const defaultActivationUrl = 'https://activate.linedesk.example/activate';

/** The outbox worker's defaults: 5 attempts, first retry after 30 s, a look every second. */
export const defaultDeliverySettings: DeliverySettings = {
  maxAttempts: 5,
  retryBaseMs: 30_000,
  pollIntervalMs: 1000,
};

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

/** Trimmed text; blank counts as unset. */
const text = z
  .string()
  .optional()
  .transform((value) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined));

/** Taken as written (passwords and secrets may hold spaces); empty counts as unset. */
const verbatim = z
  .string()
  .optional()
  .transform((value) => value || undefined);

/** A comma-separated list, items trimmed, blanks dropped. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** A positive number, `fallback` when unset. */
const positiveNumber = (fallback: number) =>
  text.transform((value, context) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (Number.isFinite(number) && number > 0) return number;
    context.addIssue({ code: 'custom', message: `must be a positive number, not "${value}".` });
    return z.NEVER;
  });

/** A positive whole number; anything else quietly means `fallback` (worker tuning). */
const positiveIntegerOr = (fallback: number) =>
  text.transform((value) => {
    const number = Number(value);
    return value !== undefined && Number.isInteger(number) && number > 0 ? number : fallback;
  });

const trustProxy = text.transform((value, context): false | string[] => {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (/^(true|yes|on|1|\*)$/i.test(value)) {
    // Trusting every hop lets any client choose its own address (and dodge the per-address limit).
    context.addIssue({
      code: 'custom',
      message: 'takes the addresses of your proxies (e.g. 10.0.0.5,10.0.0.6), not "true".',
    });
    return z.NEVER;
  }
  return value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
});

const smtpTls = text.transform((value, context): SmtpTlsMode | undefined => {
  if (value === undefined) return undefined;
  const mode = smtpTlsModes.find((candidate) => candidate === value.toLowerCase());
  if (mode) return mode;
  context.addIssue({
    code: 'custom',
    message: `must be "required" or "opportunistic", not "${value}".`,
  });
  return z.NEVER;
});

/** Every environment variable the service reads (README "Configuration"). */
export const environmentSchema = z.object({
  LINEDESK_HOST: text,
  LINEDESK_PORT: text,
  LINEDESK_DATA_DIR: text,
  DATABASE_URL: text,
  LINEDESK_ADMIN_EMAIL: text.transform((value) => value?.toLowerCase()),
  LINEDESK_ADMIN_PASSWORD: verbatim,
  LINEDESK_ORGANIZATION_NAME: text.transform((value) => value ?? 'Main Organization'),
  LINEDESK_SMTP_URL: text,
  LINEDESK_SMTP_FROM: text,
  LINEDESK_SMTP_TLS: smtpTls,
  LINEDESK_SMS_URL: text,
  LINEDESK_SMS_TOKEN: text,
  LINEDESK_ACTIVATION_URL: text.transform((value) => value ?? defaultActivationUrl),
  LINEDESK_ALLOWED_ORIGINS: list.transform((origins) =>
    origins.length > 0 ? origins : desktopAppOrigins,
  ),
  LINEDESK_SECRET: verbatim,
  LINEDESK_ACCEPTED_SECRETS: list,
  LINEDESK_TRUST_PROXY: trustProxy,
  LINEDESK_LOG_LEVEL: text.transform((value) => value ?? 'info'),
  LINEDESK_SESSION_HOURS: positiveNumber(12),
  LINEDESK_IDLE_MINUTES: positiveNumber(60),
  LINEDESK_DELIVERY_MAX_ATTEMPTS: positiveIntegerOr(defaultDeliverySettings.maxAttempts),
  LINEDESK_DELIVERY_RETRY_MS: positiveIntegerOr(defaultDeliverySettings.retryBaseMs),
  LINEDESK_DELIVERY_POLL_MS: positiveIntegerOr(defaultDeliverySettings.pollIntervalMs),
  LINEDESK_DELIVERY_CONCURRENCY: positiveIntegerOr(10),
});

export type Environment = z.output<typeof environmentSchema>;

/** The environment parsed, or an Error naming each variable that is wrong. */
export function parseEnvironment(env: Record<string, string | undefined>): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(
    parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('\n'),
  );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

/** Reads argv (without node and script) and env; throws a readable Error on bad options. */
export function loadConfig(
  argv: string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
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
  const environment = parseEnvironment(env);
  return {
    host: values.host ?? environment.LINEDESK_HOST ?? '127.0.0.1',
    port: parsePort(values.port ?? environment.LINEDESK_PORT ?? '8787'),
    dataDir: path.resolve(values['data-dir'] ?? environment.LINEDESK_DATA_DIR ?? '.linedesk'),
    demo: values.demo ?? false,
    databaseUrl: environment.DATABASE_URL,
    adminEmail: environment.LINEDESK_ADMIN_EMAIL,
    adminPassword: environment.LINEDESK_ADMIN_PASSWORD,
    smtpUrl: environment.LINEDESK_SMTP_URL,
    smtpFrom: environment.LINEDESK_SMTP_FROM,
    smsUrl: environment.LINEDESK_SMS_URL,
    smsToken: environment.LINEDESK_SMS_TOKEN,
    activationUrl: environment.LINEDESK_ACTIVATION_URL,
    allowedOrigins: environment.LINEDESK_ALLOWED_ORIGINS,
    secret: environment.LINEDESK_SECRET,
    acceptedSecrets: environment.LINEDESK_ACCEPTED_SECRETS,
    rootOrganizationName: environment.LINEDESK_ORGANIZATION_NAME,
    trustProxy: environment.LINEDESK_TRUST_PROXY,
    smtpTls: environment.LINEDESK_SMTP_TLS,
    logLevel: environment.LINEDESK_LOG_LEVEL,
    version: packageVersion(),
    sessionHours: environment.LINEDESK_SESSION_HOURS,
    idleMinutes: environment.LINEDESK_IDLE_MINUTES,
    delivery: {
      maxAttempts: environment.LINEDESK_DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: environment.LINEDESK_DELIVERY_RETRY_MS,
      pollIntervalMs: environment.LINEDESK_DELIVERY_POLL_MS,
      concurrency: environment.LINEDESK_DELIVERY_CONCURRENCY,
    },
  };
}

/** Defaults for tests and embedding: everything local, no transports. */
export function defaultConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return { ...loadConfig([], {}), ...overrides };
}
