import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../tests/support/api';
import { farEndSmtp, testMailDeps } from '../../../tests/support/mail';
import { insertInboundAddress } from '../db/repositories/organizations';
import { inboundEmails } from '../db/schema';
import { jobRegistry } from '../jobs/registry';
import { JobWorker } from '../jobs/worker';
import type { MailDeps } from './settings';
import { startSmtpListener, type SmtpListener } from './smtp-listener';

let api: TestApi;
let org: Staffed;
let farEnd: Awaited<ReturnType<typeof farEndSmtp>>;
let listener: SmtpListener;
let worker: JobWorker;
let mail: MailDeps;
let inbox: string;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(org.tokens.manager),
    payload,
  });

/** An ordinary mail client (nodemailer) talking SMTP to Tend's listener on 127.0.0.1. */
const client = () =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });

/** Runs the background jobs until nothing is left (parsing, then delivery of what it queued). */
async function settle() {
  for (let i = 0; i < 5; i++) if ((await worker.runDue()) === 0) return;
}

const requestsOf = async (contactEmail: string) => {
  const contacts = (await call('GET', `/contacts?q=${encodeURIComponent(contactEmail)}`)).json()
    .data as { id: string }[];
  expect(contacts).toHaveLength(1);
  const res = await call('GET', `/requests?view=all&requesterId=${contacts[0]!.id}`);
  return res.json().data as { id: string; reference: string; subject: string; status: string }[];
};
const messagesOf = async (requestId: string) =>
  (await call('GET', `/requests/${requestId}/messages`)).json().data as {
    body: string;
    author: string;
    visibility: string;
    authorUserId: string | null;
  }[];
const mailTo = (address: string) => farEnd.received.filter((m) => m.envelopeTo.includes(address));

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  inbox = `help-${org.org.slug}@foodbank.test`; // unique: a shared PostgreSQL keeps every test's
  await insertInboundAddress(api.database.db, org.org.id, inbox);
  farEnd = await farEndSmtp();
  mail = testMailDeps({ mailer: farEnd.mailer() });
  worker = new JobWorker(api.database, api.clock, jobRegistry({ mail }), undefined, [org.org.id]);
  listener = await startSmtpListener({
    host: '127.0.0.1',
    port: 0,
    database: api.database,
    clock: api.clock,
    deps: mail,
  });
  const calendar = await call('POST', '/calendars', {
    name: 'Always',
    definition: {
      timezone: 'Europe/Vilnius',
      hours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
      ),
    },
  });
  expect(calendar.statusCode, calendar.body).toBe(201);
  const policy = await call('POST', '/promise-policies', {
    subjectType: 'request',
    name: 'Everyone',
    targets: [{ target: 'first_response', minutes: 240, calendarId: calendar.json().id }],
  });
  expect(policy.statusCode, policy.body).toBe(201);
});
afterAll(async () => {
  await listener.close();
  await farEnd.close();
  mail.mailer.close();
  await api.close();
});

describe('a conversation by email', () => {
  it('opens a request from a Lithuanian email, acknowledges it, and threads both ways', async () => {
    const first = await client().sendMail({
      from: '"Šarūnas Žemaitis" <sarunas@example.lt>',
      to: inbox,
      subject: 'Maisto paketas šeimai',
      text: 'Laba diena, ar galėčiau gauti maisto paketą? Ačiū, Šarūnas',
    });
    expect(first.accepted).toEqual([inbox]);
    await settle();
    const [request] = await requestsOf('sarunas@example.lt');
    expect(request!.subject).toBe('Maisto paketas šeimai');
    const messages = await messagesOf(request!.id);
    expect(messages[0]).toMatchObject({ author: 'requester', visibility: 'public' });
    expect(messages[0]!.body).toContain('Ačiū, Šarūnas');

    const [ack] = mailTo('sarunas@example.lt');
    expect(ack, 'an acknowledgement went out').toBeDefined();
    expect(ack!.subject).toBe(`[${request!.reference}] Gavome jūsų prašymą: Maisto paketas šeimai`); // in Lithuanian, as written
    expect(ack!.inReplyTo).toBe(first.messageId);
    expect(ack!.headers.get('auto-submitted')).toBe('auto-replied');
    const replyTo = ack!.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(/^reply\+[a-z2-7]{42}@reply\.tend\.test$/);

    // Staff answer in Tend: the requester gets it in the same thread.
    const answer = await call('POST', `/requests/${request!.id}/messages`, {
      body: 'Taip, paketą galite atsiimti rytoj.',
      visibility: 'public',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    await settle();
    const reply = mailTo('sarunas@example.lt').at(-1)!;
    expect(reply.text).toContain('Taip, paketą galite atsiimti rytoj.');
    expect(reply.references).toContain(first.messageId);
    expect(reply.headers.get('auto-submitted')).toBeUndefined();

    // The requester answers from Outlook to the reply address, quoting everything below.
    await client().sendMail({
      from: 'sarunas@example.lt',
      to: replyTo,
      subject: `RE: ${reply.subject}`,
      inReplyTo: reply.messageId,
      references: [first.messageId, reply.messageId!],
      text: `Puiku, ačiū!\n\n________________________________\nFrom: Tend <desk@tend.test>\nSent: Tuesday, November 24, 2026 10:00\nTo: sarunas@example.lt\nSubject: ${reply.subject}\n\nTaip, paketą galite atsiimti rytoj.`,
    });
    // …and once more from Gmail, to the organization's address, threaded by its headers only.
    await client().sendMail({
      from: 'sarunas@example.lt',
      to: inbox,
      subject: `Re: ${reply.subject}`,
      inReplyTo: reply.messageId,
      text: `Dar vienas klausimas.\n\nOn Tue, 24 Nov 2026 at 10:00, Tend <desk@tend.test> wrote:\n> Taip, paketą galite atsiimti rytoj.`,
    });
    await settle();
    expect(await requestsOf('sarunas@example.lt')).toHaveLength(1);
    const thread = await messagesOf(request!.id);
    expect(thread.map((m) => m.body).slice(-2)).toEqual(['Puiku, ačiū!', 'Dar vienas klausimas.']);
  });

  it('decodes ISO-8859-13, Windows-1257, Windows-1251 and KOI8-U mail into readable text', async () => {
    const cases = [
      ['iso-8859-13', 'ruta@example.lt', 'Pagalba', 'Ačiū už žinią, Rūta Šimkutė.'],
      ['windows-1257', 'jonas@example.lt', 'Klausimas', 'Sveiki, ar galiu užsiregistruoti?'],
      ['windows-1251', 'oksana@example.ua', 'Допомога', 'Доброго дня! Потрібна допомога з їжею.'],
      ['koi8-u', 'taras@example.ua', 'Допомога', 'Ґанок, їжак, Євген - дякую.'],
    ] as const;
    for (const [charset, from, subject, text] of cases) {
      const body = iconv.encode(text, charset);
      const raw = Buffer.concat([
        Buffer.from(
          `From: ${from}\r\nTo: ${inbox}\r\nSubject: =?${charset}?B?${iconv.encode(subject, charset).toString('base64')}?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`,
        ),
        body,
        Buffer.from('\r\n'),
      ]);
      await client().sendMail({ envelope: { from, to: [inbox] }, raw });
    }
    await settle();
    for (const [, from, subject, text] of cases) {
      const [request] = await requestsOf(from);
      expect(request!.subject).toBe(subject);
      expect((await messagesOf(request!.id))[0]!.body).toBe(text);
    }
  });

  it('keeps the attachments of an email that pass the upload checks, and names the refused', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 1)]);
    await client().sendMail({
      from: 'files@example.org',
      to: inbox,
      subject: 'Documents',
      text: 'My documents are attached.',
      attachments: [
        { filename: 'photo.png', content: png },
        { filename: 'invoice.exe', content: exe },
      ],
    });
    await settle();
    const [request] = await requestsOf('files@example.org');
    const files = (await call('GET', `/requests/${request!.id}/attachments`)).json().data as {
      name: string;
      contentType: string;
    }[];
    expect(files.map((f) => [f.name, f.contentType])).toEqual([['photo.png', 'image/png']]);
    const [row] = (await api.database.db.select().from(inboundEmails)).filter((r) =>
      r.raw.toString().includes('Subject: Documents'),
    );
    expect(JSON.stringify(row!.outcome)).toContain('invoice.exe');
    expect((await messagesOf(request!.id))[0]!.body).toBe('My documents are attached.');
  });

  it('stores the raw message before answering 250, and parses it again after a crash', async () => {
    const before = await api.database.db.select().from(inboundEmails);
    await client().sendMail({ from: 'late@example.org', to: inbox, subject: 'Later', text: 'Hi' });
    const stored = (await api.database.db.select().from(inboundEmails)).filter(
      (r) => !before.some((b) => b.id === r.id),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.state).toBe('received'); // not processed yet: nothing ran
    expect(stored[0]!.raw.toString()).toContain('Subject: Later');
    await settle();
    const [done] = await api.database.db
      .select()
      .from(inboundEmails)
      .where(eq(inboundEmails.id, stored[0]!.id));
    expect(done!.state).toBe('processed');
  });
});
