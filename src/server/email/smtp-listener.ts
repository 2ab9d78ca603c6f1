import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../core/clock';
import type { Database } from '../db/connection';
import { destinationOf, receiveEmail } from '../domain/email/inbound';
import type { MailDeps } from './settings';

/** Recipients accepted per message; more get 452 (the sender retries them in another message). */
export const maxRecipients = 100;

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/** A running SMTP listener. */
export type SmtpListener = { port: number; close(): Promise<void> };

/**
 * The incoming mail server (`SMTP_LISTEN`): it accepts mail only for an organization's inbound
 * addresses and for reply addresses whose signature verifies (550 otherwise), at most
 * `maxRecipients` per message (452 after), at most `deps.maxBytes` (552 beyond: nothing stored),
 * and answers 250 only once the raw message is committed to the database.
 */
export async function startSmtpListener(opts: {
  host: string;
  port: number;
  database: Database;
  clock: Clock;
  deps: MailDeps;
  log?: FastifyBaseLogger;
}): Promise<SmtpListener> {
  const { database, deps } = opts;
  const server = new SMTPServer({
    banner: 'Tend',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: deps.maxBytes,
    logger: false,
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= maxRecipients)
        return callback(smtpError(452, 'too many recipients; send the rest separately'));
      destinationOf(database.db, deps, address.address).then(
        (d) => {
          if (d) orgsOf(session).add(d.orgId);
          callback(d ? undefined : smtpError(550, 'no such mailbox here'));
        },
        (err: unknown) => {
          opts.log?.error({ err }, 'smtp: recipient check failed');
          callback(smtpError(451, 'temporary failure; try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      collect(stream, deps.maxBytes).then(
        async (raw) => {
          if (!raw) return callback(smtpError(552, 'message too large'));
          const { id } = await receiveEmail(database.db, inbound(session, raw), opts.clock.now());
          callback(null, `queued as ${id}`);
        },
        (err: unknown) => {
          opts.log?.error({ err }, 'smtp: could not store a message');
          callback(smtpError(451, 'temporary failure; try again later'));
        },
      );
    },
  });
  server.on('error', (err) => opts.log?.error({ err }, 'smtp listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The organizations the accepted recipients belong to, per SMTP session.
const sessionOrgs = new WeakMap<SMTPServerSession, Set<string>>();
function orgsOf(session: SMTPServerSession): Set<string> {
  let orgs = sessionOrgs.get(session);
  if (!orgs) sessionOrgs.set(session, (orgs = new Set()));
  return orgs;
}

function inbound(session: SMTPServerSession, raw: Buffer) {
  const from = session.envelope.mailFrom;
  const orgs = [...orgsOf(session)];
  sessionOrgs.delete(session); // the next message of the session starts afresh
  return {
    source: 'smtp' as const,
    envelopeFrom: from ? from.address : null,
    envelopeTo: session.envelope.rcptTo.map((r) => r.address),
    raw,
    // Known at once when every recipient belongs to one organization (the usual case).
    ...(orgs.length === 1 ? { orgId: orgs[0] } : {}),
  };
}

/** Reads the message; undefined when it outgrew the limit (the rest is drained, not kept). */
async function collect(stream: Readable, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  const exceeded = (stream as Readable & { sizeExceeded?: boolean }).sizeExceeded;
  return exceeded || size > maxBytes ? undefined : Buffer.concat(chunks);
}
