import { join } from 'node:path';
import pino from 'pino';
import { systemClock } from '../core/clock';
import type { Config } from './config';
import { openDatabase, type Database } from './db/connection';
import { anyOrganization } from './db/repositories/organizations';
import { createDemoOrganization } from './demo/demo-org';
import { buildApp } from './http/app';
import type { App } from './http/types';
import { jobRegistry } from './jobs/registry';
import { JobWorker } from './jobs/worker';
import { scheduleAnalyze } from './domain/maintenance/analyze';
import { mailDeps } from './email/settings';
import { startSmtpListener } from './email/smtp-listener';
import { ensureWebBuild } from './web-build';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export function openConfiguredDatabase(config: Config, command: string): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl })
    : openDatabase({ dataDir: config.dataDir, command });
}

/** A running Tend server. */
export type RunningServer = {
  app: App;
  database: Database;
  url: string;
  /** The port the SMTP listener took (SMTP_LISTEN may ask for port 0). */
  smtpPort: number | undefined;
  stop(): Promise<void>;
};

/**
 * `tend serve`: migrate, create the demo organization on a first run, and listen. Progress and
 * the sign-in hint go to stderr through `say`.
 */
export async function startServer(
  config: Config,
  say: (line: string) => void,
): Promise<RunningServer> {
  const database = await openConfiguredDatabase(config, 'tend serve');
  try {
    await database.migrate();
    if (config.demoOnFirstRun && !(await anyOrganization(database.db))) {
      say('First run: creating the demo organization…');
      const demo = await createDemoOrganization(database, systemClock);
      say('');
      say(
        `  Tend is ready with a demo organization "${demo.org.name}" (${demo.contacts} contacts).`,
      );
      say(`  Sign in as   ${demo.email}`);
      say(`  Password     ${demo.password}`);
      say('  (shown once; change it with PATCH /api/v1/users/{id} and a new "password")');
      say(`  Public request form: /p/${demo.org.slug}/request`);
      say('');
    }
    const logger = pino({ level: config.logLevel });
    // A broken web build must not take the API down with it.
    const webRoot = await ensureWebBuild(say).catch((err: unknown) => {
      say(`The web app could not be built (${String(err)}); serving the API only.`);
      return undefined;
    });
    const app = await buildApp({ database, clock: systemClock, config }, { logger, webRoot });
    const url = await app.listen({ port: config.port, host: config.host });
    // Without TEND_PUBLIC_URL, links in emails use the address Tend listens on (port 0 too).
    if (!config.publicUrlSet) config.publicUrl = url;
    await scheduleAnalyze(database.db, systemClock);
    const mail = await mailDeps(database.db, config);
    const worker = new JobWorker(database, systemClock, jobRegistry({ mail }), app.log);
    await worker.start();
    const smtp = config.mail.listen
      ? await startSmtpListener({
          ...config.mail.listen,
          database,
          clock: systemClock,
          deps: mail,
          log: app.log,
        })
      : undefined;
    say(
      `Tend listens on ${url}  ·  staff console ${url}/app/  ·  API docs ${url}/api/docs  ·  database: ${database.kind}`,
    );
    say(
      `Mail: ${smtp ? `receiving on ${config.mail.listen!.host}:${smtp.port}` : 'not receiving (SMTP_LISTEN=off)'}  ·  ${config.mail.smtpUrl ? 'sending through SMTP_URL' : `no SMTP_URL: outgoing mail is saved in ${join(config.dataDir, 'mail')}`}`,
    );
    return {
      app,
      database,
      url,
      smtpPort: smtp?.port,
      stop: async () => {
        await smtp?.close();
        await worker.stop();
        mail.mailer.close();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
