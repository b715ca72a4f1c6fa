// Environment → typed configuration, validated once at start-up; a bad value names the variable and exits.
import { z } from 'zod';
import type { TwilioConfig } from './modules/notifications/index.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://store.example.jp' }).optional(),
    SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
    KEIYAKU_TEST_CLOCK: z.enum(['true', 'false', '1', '0']).default('false'),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(
        /^AC[0-9a-fA-F]{32}$/,
        'must be "AC" followed by 32 hexadecimal digits (Twilio Console → Account Info)',
      )
      .optional(),
    TWILIO_AUTH_TOKEN: z
      .string()
      .regex(/^[0-9a-zA-Z]{16,128}$/, 'must be the Auth Token from the Twilio Console')
      .optional(),
    TWILIO_FROM: z
      .string()
      .regex(
        /^(\+[1-9][0-9]{6,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/,
        'must be a number in E.164 (+815012345678) or an alphanumeric sender ID of at most 11 characters',
      )
      .optional(),
    TWILIO_MESSAGING_SERVICE_SID: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must be "MG" followed by 32 hexadecimal digits')
      .optional(),
    TWILIO_API_BASE: z
      .url({ message: 'must be an absolute URL such as https://api.twilio.com' })
      .default('https://api.twilio.com'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET'],
        message: 'is required when DATABASE_URL is set, so that every node shares it',
      });
    } else if (env.NODE_ENV === 'production' && !env.SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SECRET'], message: 'is required when NODE_ENV=production' });
    }
    // A clock owners can move forward would let anyone with the owner role renew, expire and bill at will.
    if (
      env.NODE_ENV === 'production' &&
      (env.KEIYAKU_TEST_CLOCK === 'true' || env.KEIYAKU_TEST_CLOCK === '1')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['KEIYAKU_TEST_CLOCK'],
        message: 'is for rehearsals only and is refused when NODE_ENV=production',
      });
    }
    // Twilio is all or nothing: half a configuration would silently keep codes in the dev SMS outbox.
    const twilioSet = [
      env.TWILIO_ACCOUNT_SID,
      env.TWILIO_AUTH_TOKEN,
      env.TWILIO_FROM,
      env.TWILIO_MESSAGING_SERVICE_SID,
    ].some((value) => value !== undefined);
    if (twilioSet) {
      for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] as const) {
        if (env[name] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required when any TWILIO_* variable is set',
          });
      }
      if (env.TWILIO_FROM === undefined && env.TWILIO_MESSAGING_SERVICE_SID === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['TWILIO_FROM'],
          message: 'or TWILIO_MESSAGING_SERVICE_SID is required: the sender of the SMS',
        });
      } else if (env.TWILIO_FROM !== undefined && env.TWILIO_MESSAGING_SERVICE_SID !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['TWILIO_FROM'],
          message: 'and TWILIO_MESSAGING_SERVICE_SID are both set: set only one of them',
        });
      }
    }
  });

export type LogLevel = (typeof logLevels)[number];

/** Where the data lives: an embedded PGlite folder or a PostgreSQL server. */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  publicUrl: string;
  /** Absent in embedded mode until the data folder provides one (see `resolveSecret`). */
  secret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Behind a reverse proxy that sets X-Forwarded-For: take the client address from its first entry. */
  trustProxy: boolean;
  /** Twilio for SMS; absent, SMS are kept in the dev SMS outbox. */
  twilio: TwilioConfig | undefined;
  /** The store clock for rehearsals (`KEIYAKU_TEST_CLOCK=1`): owners may move "now" forward. Never in production. */
  testClock: boolean;
  /** Bearer token `/metrics` asks for; absent, `/metrics` answers loopback clients only. */
  metricsToken: string | undefined;
}

/** A configuration problem, phrased as one line that names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws `ConfigError` with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsMissing = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blankAsMissing);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      // These may carry passwords, and the message goes to the terminal and the process log.
      const secretBearing = [
        'SECRET',
        'DATABASE_URL',
        'SMTP_URL',
        'TWILIO_AUTH_TOKEN',
        'METRICS_TOKEN',
      ].includes(name);
      const shown = env[name] === undefined || secretBearing ? '' : ` (got "${env[name]}")`;
      return `${name}${shown}: ${issue.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: `${dataDir.replace(/\/$/, '')}/pg` },
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(
      /\/$/,
      '',
    ),
    secret: e.SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'keiyaku <no-reply@keiyaku.invalid>',
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    testClock: e.KEIYAKU_TEST_CLOCK === 'true' || e.KEIYAKU_TEST_CLOCK === '1',
    metricsToken: e.METRICS_TOKEN,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? {
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            from: e.TWILIO_FROM,
            messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
            apiBase: e.TWILIO_API_BASE.replace(/\/$/, ''),
          }
        : undefined,
  };
}
