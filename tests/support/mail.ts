import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { insertInboundAddress } from '../../src/server/db/repositories/organizations';
import { inboundEmails } from '../../src/server/db/schema';
import { folderMailer, smtpMailer } from '../../src/server/email/mailer';
import type { MailDeps } from '../../src/server/email/settings';
import { startSmtpListener, type SmtpListener } from '../../src/server/email/smtp-listener';
import { jobRegistry } from '../../src/server/jobs/registry';
import { JobWorker } from '../../src/server/jobs/worker';
import { bearer, staffedOrg, testApi, type Staffed, type TestApi } from './api';

/** Mail settings for tests: reply addresses on a test domain, mail saved to a temporary folder. */
export function testMailDeps(overrides: Partial<MailDeps> = {}): MailDeps {
  return {
    mailer: folderMailer(mkdtempSync(join(tmpdir(), 'tend-mail-'))),
    domain: 'reply.tend.test',
    fromAddress: 'desk@tend.test',
    secret: 'test-secret-that-is-long-enough-for-hmac-0123456789',
    publicUrl: 'http://127.0.0.1:3000',
    maxBytes: 2 * 1024 * 1024,
    ...overrides,
  };
}

/** A received message at the far end, parsed, with its raw source. */
export type FarEndMail = ParsedMail & { raw: Buffer; envelopeTo: string[] };

/**
 * The far end of outbound delivery: a real SMTP server on 127.0.0.1 that keeps what it receives,
 * and refuses recipients whose address starts with "reject" (550) or "later" (451; "later2…"
 * only for its first 2 attempts). `attempts` counts the RCPT commands each address got.
 */
export async function farEndSmtp() {
  const received: FarEndMail[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      const tries = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, tries);
      if (address.address.startsWith('reject'))
        return cb(Object.assign(new Error('no such user'), { responseCode: 550 }));
      const later = /^later(\d*)/.exec(address.address);
      if (later && (!later[1] || tries <= Number(later[1])))
        return cb(Object.assign(new Error('try later'), { responseCode: 451 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((m) => {
          received.push(
            Object.assign(m, { raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) }),
          );
          cb();
        });
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    attempts,
    url: `smtp://127.0.0.1:${port}`,
    mailer: () => smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A request as the staff API shows it (the fields email tests read). */
export type RequestSeen = {
  id: string;
  reference: string;
  subject: string;
  status: string;
  firstRespondedAt: string | null;
  requesterId: string;
};
/** A message as the staff API shows it. */
export type MessageSeen = {
  body: string;
  author: string;
  visibility: string;
  authorUserId: string | null;
  automatic: boolean;
  needsReview: boolean;
  fromAddress: string | null;
};

/**
 * One organization's email desk, end to end: the app on a test database, a staffed organization
 * with its own inbound address and an always-open promise policy (first response 4 h, next 8 h),
 * the far end, Tend's SMTP listener on a free port of 127.0.0.1 and a job worker.
 */
export async function emailDesk() {
  const api: TestApi = await testApi();
  const org: Staffed = await staffedOrg(api.database);
  // Unique per organization: a shared PostgreSQL holds the inbound addresses of every test file.
  const inbox = `help-${org.org.slug}@foodbank.test`;
  await insertInboundAddress(api.database.db, org.org.id, inbox);
  const farEnd = await farEndSmtp();
  const mail = testMailDeps({ mailer: farEnd.mailer() });
  const worker = new JobWorker(api.database, api.clock, jobRegistry({ mail }), undefined, [
    org.org.id,
  ]);
  const listener: SmtpListener = await startSmtpListener({
    host: '127.0.0.1',
    port: 0,
    database: api.database,
    clock: api.clock,
    deps: mail,
  });
  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    token = org.tokens.manager,
  ) => api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });

  const calendar = await call('POST', '/calendars', {
    name: 'Always',
    definition: {
      timezone: 'Europe/Vilnius',
      hours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
      ),
    },
  });
  const calendarId = calendar.json<{ id: string }>().id;
  const policy = await call('POST', '/promise-policies', {
    subjectType: 'request',
    name: 'Everyone',
    targets: [
      { target: 'first_response', minutes: 240, calendarId },
      { target: 'next_response', minutes: 480, calendarId },
    ],
  });
  if (policy.statusCode !== 201) throw new Error(`promise policy: ${policy.body}`);

  const desk = {
    api,
    org,
    inbox,
    farEnd,
    mail,
    worker,
    listener,
    call,
    /** An ordinary mail client (nodemailer) talking SMTP to Tend's listener. */
    client: () =>
      nodemailer.createTransport({
        host: '127.0.0.1',
        port: listener.port,
        secure: false,
        ignoreTLS: true,
      }),
    /** Runs the background jobs until nothing due is left (parsing, then delivery). */
    settle: async () => {
      for (let i = 0; i < 5; i++) if ((await worker.runDue()) === 0) return;
    },
    /** What the far end received for an address. */
    mailTo: (address: string) => farEnd.received.filter((m) => m.envelopeTo.includes(address)),
    /** Stored incoming emails whose raw source contains the marker (safe on a shared database). */
    storedWith: (marker: string) =>
      api.database.db
        .select()
        .from(inboundEmails)
        .where(sql`position(convert_to(${marker}, 'UTF8') in ${inboundEmails.raw}) > 0`),
    /** The requests of the one contact with this email address ([] when there is no contact). */
    requestsOf: async (address: string) => {
      const search = await call('GET', `/contacts?q=${encodeURIComponent(address)}`);
      const found = search.json<{ data: { id: string }[] }>();
      if (found.data.length > 1) throw new Error(`${found.data.length} contacts for ${address}`);
      if (found.data.length === 0) return [];
      const res = await call('GET', `/requests?view=all&requesterId=${found.data[0]!.id}`);
      return res.json<{ data: RequestSeen[] }>().data;
    },
    request: async (id: string) => (await call('GET', `/requests/${id}`)).json<RequestSeen>(),
    messagesOf: async (id: string) =>
      (await call('GET', `/requests/${id}/messages`)).json<{ data: MessageSeen[] }>().data,
    /**
     * The requester writes to the organization's address; returns the request it opened and the
     * acknowledgement that came back, with its signed reply address.
     */
    openByEmail: async (from: string, subject: string, text = 'Hello, can you help?') => {
      const sent = await desk.client().sendMail({ from, to: inbox, subject, text });
      await desk.settle();
      const [request, ...more] = await desk.requestsOf(from);
      if (!request || more.length) throw new Error(`no single request from ${from}`);
      const ack = desk.mailTo(from).at(-1);
      const replyTo = ack?.replyTo?.value[0]?.address;
      if (!ack || !replyTo) throw new Error(`no acknowledgement to ${from}`);
      return { request, ack, replyTo, messageId: sent.messageId };
    },
    close: async () => {
      await listener.close();
      await farEnd.close();
      mail.mailer.close();
      await api.close();
    },
  };
  return desk;
}

/** The running desk of an email test. */
export type EmailDesk = Awaited<ReturnType<typeof emailDesk>>;
