import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Executor } from '../db/connection';
import { serverSettings } from '../db/schema';
import { folderMailer, smtpMailer, type Mailer } from './mailer';

/** What the email channel needs at run time. */
export type MailDeps = {
  mailer: Mailer;
  /** The domain of reply addresses and Message-IDs. */
  domain: string;
  /** The address outgoing mail comes from. */
  fromAddress: string;
  /** Signs reply addresses. */
  secret: string;
  /** Where links in emails point (the web app and portal). */
  publicUrl: string;
  maxBytes: number;
};

/**
 * The installation's signing secret: TEND_SECRET when given, else one generated on first use and
 * kept in the database, so reply addresses stay valid across restarts and processes.
 */
export async function serverSecret(db: Executor, given: string | undefined): Promise<string> {
  if (given) return given;
  await db
    .insert(serverSettings)
    .values({ key: 'secret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, 'secret'));
  return row!.value;
}

/** The email channel's dependencies from the configuration. */
export async function mailDeps(db: Executor, config: Config): Promise<MailDeps> {
  return {
    mailer: config.mail.smtpUrl
      ? smtpMailer(config.mail.smtpUrl)
      : folderMailer(join(config.dataDir, 'mail')),
    domain: config.mail.domain,
    fromAddress: config.mail.fromAddress,
    secret: await serverSecret(db, config.mail.secret),
    publicUrl: config.publicUrl,
    maxBytes: config.mail.maxBytes,
  };
}
