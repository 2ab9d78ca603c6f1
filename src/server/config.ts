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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Resolved configuration of one Tend process. */
export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  sessionHours: number;
  loginMaxFailures: number;
  demoOnFirstRun: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
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
    sessionHours: e.TEND_SESSION_HOURS,
    loginMaxFailures: e.TEND_LOGIN_MAX_FAILURES,
    demoOnFirstRun: e.TEND_DEMO === 'auto',
    logLevel: e.LOG_LEVEL,
  };
}
