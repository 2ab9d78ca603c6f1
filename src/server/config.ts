import { z } from 'zod';

/** Environment variables Tend reads; the README's configuration table mirrors this list. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  TEND_DATA_DIR: z.string().default('./data'),
  TEND_PUBLIC_URL: z.string().url().optional(),
  TEND_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  TEND_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  TEND_DEMO: z.enum(['auto', 'off']).default('auto'),
  SMTP_URL: z.string().url().optional(),
  SMTP_LISTEN: z
    .string()
    .regex(/^(off|[^:]+:\d{1,5})$/, 'host:port, or off')
    .default('127.0.0.1:2525'),
  TEND_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'a domain name')
    .optional(),
  TEND_MAIL_FROM: z.string().optional(),
  TEND_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  TEND_MAIL_MAX_MB: z.coerce.number().int().min(1).max(100).default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Resolved configuration of one Tend process. */
export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where people reach this Tend (links in emails); `publicUrlSet` when TEND_PUBLIC_URL says. */
  publicUrl: string;
  publicUrlSet: boolean;
  sessionHours: number;
  loginMaxFailures: number;
  demoOnFirstRun: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  mail: {
    /** Outgoing mail server; without one, mail is written as .eml files to the data folder. */
    smtpUrl: string | undefined;
    /** Where the incoming SMTP listener binds, or undefined when off. */
    listen: { host: string; port: number } | undefined;
    /** The domain of reply addresses and Message-IDs. */
    domain: string;
    /** The From of outgoing mail (the organization's name is shown before it). */
    fromAddress: string;
    /** Signs reply addresses; stored in the database when not given. */
    secret: string | undefined;
    /** The largest message accepted, in bytes. */
    maxBytes: number;
  };
};

/** Reads configuration from the environment; throws one readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.TEND_DATA_DIR,
    publicUrl: e.TEND_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    publicUrlSet: e.TEND_PUBLIC_URL !== undefined,
    sessionHours: e.TEND_SESSION_HOURS,
    loginMaxFailures: e.TEND_LOGIN_MAX_FAILURES,
    demoOnFirstRun: e.TEND_DEMO === 'auto',
    logLevel: e.LOG_LEVEL,
    mail: {
      smtpUrl: e.SMTP_URL,
      listen:
        e.SMTP_LISTEN === 'off'
          ? undefined
          : {
              host: e.SMTP_LISTEN.slice(0, e.SMTP_LISTEN.lastIndexOf(':')),
              port: Number(e.SMTP_LISTEN.slice(e.SMTP_LISTEN.lastIndexOf(':') + 1)),
            },
      domain: e.TEND_EMAIL_DOMAIN ?? 'tend.localhost',
      fromAddress: e.TEND_MAIL_FROM ?? `noreply@${e.TEND_EMAIL_DOMAIN ?? 'tend.localhost'}`,
      secret: e.TEND_SECRET,
      maxBytes: e.TEND_MAIL_MAX_MB * 1024 * 1024,
    },
  };
}
