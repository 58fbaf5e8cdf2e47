/** The one zod-validated configuration of theodoi, read from an environment passed in. */
import { z } from 'zod';

// 'off': nothing logged (the command line, whose output is for people, unless --verbose).
const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'off'] as const;
/** A log level, lowest first. */
export type LogLevel = (typeof LOG_LEVELS)[number];

const GRANT_SHAPE =
  'must be the JSON of an authorized_user grant: {"type": "authorized_user", "client_id", "client_secret", ' +
  '"refresh_token", "email"} (theodoi auth login stores one)';
const GrantSchema = z
  .object({
    type: z.literal('authorized_user').optional(),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    refresh_token: z.string().min(1),
    email: z.email(),
  })
  .loose()
  .transform((g): GoogleGrant => ({
    clientId: g.client_id,
    clientSecret: g.client_secret,
    refreshToken: g.refresh_token,
    email: g.email.toLowerCase(),
  }));

/** A person's OAuth grant to theodoi's OAuth client (installed app), as `theodoi auth login` stores it. */
export interface GoogleGrant {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  /** The Google account that gave the grant: the account theodoi acts as. */
  readonly email: string;
}

/** The THEODOI_GOOGLE_GRANT value of a grant: the `authorized_user` JSON with the account's e-mail. */
export function grantVariable(grant: GoogleGrant): string {
  return JSON.stringify({
    type: 'authorized_user',
    client_id: grant.clientId,
    client_secret: grant.clientSecret,
    refresh_token: grant.refreshToken,
    email: grant.email,
  });
}

const hostPort = z.string().regex(/^[\w.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:8080');

const ConfigSchema = z.object({
  GOOGLE_CLOUD_PROJECT: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
      'must be a Google Cloud project id (6–30 lowercase letters, digits, hyphens)',
    )
    .default('theodoi-local'),
  FIRESTORE_EMULATOR_HOST: hostPort.optional(),
  SHEETS_EMULATOR_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  THEODOI_SERVICE_ACCOUNT: z.email({ error: "must be the e-mail of theodoi's service account" }).optional(),
  // Whose Google grant Sheets and Drive calls carry (decisions 003 and 004): the coordinator's, or, in the
  // Workspace deployment, the service account's own as a member of a shared drive.
  THEODOI_GOOGLE_GRANT: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: GRANT_SHAPE });
        return z.NEVER;
      }
    })
    .pipe(GrantSchema)
    .optional(),
  THEODOI_SHARED_DRIVE_ID: z
    .string()
    .regex(/^[\w-]{6,}$/, 'must be the id of a shared drive (the last part of its address in Drive)')
    .optional(),
  THEODOI_DRIVE_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'must be the https URL of the driveNotification function' })
    .optional(),
  THEODOI_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp(s) URL, e.g. smtp://user:pass@host:587' })
    .optional(),
  THEODOI_MAIL_FROM: z
    .string()
    .regex(/^[^<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, {
      error: 'must be an address such as "theodoi <no-reply@example.vn>" or no-reply@example.vn',
    })
    .optional(),
  // The sheet trigger's identity and the sync requests it hands to Pub/Sub (decisions 004, 005).
  THEODOI_SCRIPT_CLIENT_ID: z
    .string()
    .regex(/^[\w.-]+\.apps\.googleusercontent\.com$/, {
      error:
        "must be the OAuth client id of the coordinators' Apps Script project (…apps.googleusercontent.com)",
    })
    .optional(),
  THEODOI_SYNC_TOPIC: z
    .string()
    .regex(/^[A-Za-z][\w.~+%-]{2,254}$/, 'must be a Pub/Sub topic name, e.g. theodoi-sync-requests')
    .default('theodoi-sync-requests'),
  PUBSUB_EMULATOR_HOST: hostPort.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  K_REVISION: z.string().optional(),
});
const CheckedConfigSchema = ConfigSchema.refine((c) => !c.THEODOI_SMTP_URL || c.THEODOI_MAIL_FROM, {
  path: ['THEODOI_MAIL_FROM'],
  error: 'must be set when THEODOI_SMTP_URL is (the sender of e-mail reminders)',
}).refine((c) => !(c.THEODOI_GOOGLE_GRANT && c.THEODOI_SHARED_DRIVE_ID), {
  path: ['THEODOI_SHARED_DRIVE_ID'],
  error:
    "must not be set together with THEODOI_GOOGLE_GRANT: the files live either in the coordinator's Drive " +
    "(the grant) or in a shared drive (the service account's own credentials)",
});

/** Variables whose value is never shown, even in an error. */
const SECRETS = new Set(['THEODOI_SMTP_URL', 'THEODOI_GOOGLE_GRANT']);

/** The validated, frozen configuration. */
export interface Config {
  readonly projectId: string;
  readonly firestoreEmulatorHost: string | undefined;
  readonly sheetsEmulatorUrl: string | undefined;
  /** The functions' service account: Firestore, Pub/Sub, Secret Manager; Sheets and Drive only in a shared drive. */
  readonly serviceAccount: string;
  /** The coordinator's grant every Sheets and Drive call carries (a secret: masked in logs). */
  readonly googleGrant: GoogleGrant | undefined;
  /** The shared drive the files live in (Workspace deployment): calls carry the service account's own token. */
  readonly sharedDriveId: string | undefined;
  /**
   * The account theodoi acts as, owner or editor of its own columns: the grant's account, or the service account in
   * the shared-drive deployment; undefined while neither is configured.
   */
  readonly actingAccount: string | undefined;
  /** Where Drive push notifications go (the driveNotification function); unset: rely on triggers and the sweep. */
  readonly driveWebhookUrl: string | undefined;
  /** The SMTP server e-mail reminders go through; unset: no e-mail, the reminder list only. */
  readonly smtpUrl: string | undefined;
  /** The sender of e-mail reminders; set whenever `smtpUrl` is. */
  readonly mailFrom: string | undefined;
  /** The audience of the sheet trigger's ID tokens: the OAuth client of the coordinators' script; unset: refused. */
  readonly scriptClientId: string | undefined;
  /** The Pub/Sub topic `sheetEvent` hands sync requests to and `syncDirectiveEvent` runs them from. */
  readonly syncTopic: string;
  /** host:port of Google's Pub/Sub emulator (local runs and tests); unset: Pub/Sub itself. */
  readonly pubsubEmulatorHost: string | undefined;
  readonly logLevel: LogLevel;
  readonly revision: string | undefined;
}

/** A configuration value that is missing or malformed; the message names the variable and what it accepts. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration: ${issues.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from `env`; throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // Treat empty strings as unset, as shells and .env files commonly produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  // Cloud Functions sets GCLOUD_PROJECT on older runtimes; accept it as a fallback name.
  if (present.GOOGLE_CLOUD_PROJECT === undefined && present.GCLOUD_PROJECT !== undefined) {
    present.GOOGLE_CLOUD_PROJECT = present.GCLOUD_PROJECT;
  }
  const parsed = CheckedConfigSchema.safeParse(present);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      // A grant's fields are reported as the one variable: its value is a secret, its shape is what to fix.
      if (issue.path[0] === 'THEODOI_GOOGLE_GRANT') return `THEODOI_GOOGLE_GRANT ${GRANT_SHAPE}`;
      const name = issue.path.join('.');
      const got = present[name];
      const shown = SECRETS.has(name) || got === undefined ? '' : ` (got "${got}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError([...new Set(issues)]);
  }
  const c = parsed.data;
  const serviceAccount =
    c.THEODOI_SERVICE_ACCOUNT ?? `theodoi@${c.GOOGLE_CLOUD_PROJECT}.iam.gserviceaccount.com`;
  return Object.freeze({
    projectId: c.GOOGLE_CLOUD_PROJECT,
    firestoreEmulatorHost: c.FIRESTORE_EMULATOR_HOST,
    sheetsEmulatorUrl: c.SHEETS_EMULATOR_URL,
    serviceAccount,
    googleGrant: c.THEODOI_GOOGLE_GRANT,
    sharedDriveId: c.THEODOI_SHARED_DRIVE_ID,
    actingAccount: c.THEODOI_GOOGLE_GRANT?.email ?? (c.THEODOI_SHARED_DRIVE_ID ? serviceAccount : undefined),
    driveWebhookUrl: c.THEODOI_DRIVE_WEBHOOK_URL,
    smtpUrl: c.THEODOI_SMTP_URL,
    mailFrom: c.THEODOI_MAIL_FROM,
    scriptClientId: c.THEODOI_SCRIPT_CLIENT_ID,
    syncTopic: c.THEODOI_SYNC_TOPIC,
    pubsubEmulatorHost: c.PUBSUB_EMULATOR_HOST,
    logLevel: c.LOG_LEVEL,
    revision: c.K_REVISION,
  });
}

/** An e-mail address with its local part hidden: "***@gmail.com". */
const maskAddress = (address: string) => address.replace(/^[^@]*/, '***');

/** The configuration with secrets masked, safe to log. */
export function maskConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    // People's addresses stay out of logs: the grant's account is shown by its domain only.
    googleGrant: config.googleGrant && {
      email: maskAddress(config.googleGrant.email),
      clientId: config.googleGrant.clientId,
    },
    actingAccount: config.actingAccount?.endsWith('.iam.gserviceaccount.com')
      ? config.actingAccount
      : config.actingAccount && maskAddress(config.actingAccount),
    smtpUrl: config.smtpUrl?.replace(/\/\/[^/@]*@/, '//***@'),
  };
}
