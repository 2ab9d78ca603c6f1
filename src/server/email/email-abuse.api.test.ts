import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailDesk, type EmailDesk } from '../../../tests/support/mail';
import { replyAddress } from '../../core/email/reply-token';
import { insertInboundAddress } from '../db/repositories/organizations';
import { contactEmails, outbox, requestMessages } from '../db/schema';
import { maxRecipients } from './smtp-listener';

let desk: EmailDesk;
beforeAll(async () => {
  desk = await emailDesk();
});
afterAll(() => desk.close());

const unique = () => randomUUID().slice(0, 8);
type Refusal = { responseCode?: number; rejectedErrors?: { responseCode?: number }[] };
type Delivery = { accepted: unknown[]; rejected: unknown[]; rejectedErrors?: Refusal[] };
/** The reply code that refused a message, or 'accepted'. */
const outcome = (sending: Promise<unknown>) =>
  sending.then(
    () => 'accepted' as const,
    (err: Refusal) => err.responseCode,
  );
const clocksOf = async (requestId: string) =>
  (await desk.call('GET', `/promises/clocks?subjectType=request&subjectId=${requestId}`)).json()
    .data as { target: string; state: string }[];
const emailRow = async (address: string) =>
  (
    await desk.api.database.db
      .select()
      .from(contactEmails)
      .where(and(eq(contactEmails.orgId, desk.org.org.id), eq(contactEmails.address, address)))
  )[0];
const outboxRowsOf = (requestId: string) =>
  desk.api.database.db.select().from(outbox).where(eq(outbox.requestId, requestId));

describe('what the SMTP listener refuses', () => {
  it('refuses a message over the size limit with 552 and stores nothing of it', async () => {
    const line = `${'x'.repeat(76)}\r\n`;
    /** A raw message of exactly `bytes` bytes (give or take a line). */
    const message = (subject: string, bytes: number) => {
      const head = `From: big@example.org\r\nTo: ${desk.inbox}\r\nSubject: ${subject}\r\n\r\n`;
      return Buffer.from(head + line.repeat(Math.ceil((bytes - head.length) / line.length)));
    };
    const send = (raw: Buffer) =>
      desk.client().sendMail({ envelope: { from: 'big@example.org', to: [desk.inbox] }, raw });
    const marker = `too-big-${unique()}`;
    expect(await outcome(send(message(marker, desk.mail.maxBytes + 100)))).toBe(552);
    expect(await desk.storedWith(marker)).toHaveLength(0);

    const fits = `fits-${unique()}`; // the limit, not a refusal of everything large
    const raw = message(fits, desk.mail.maxBytes - 100);
    expect(await outcome(send(raw))).toBe('accepted');
    expect((await desk.storedWith(fits)).map((r) => r.size)).toEqual([raw.length]);
  });

  it('takes the first 100 of 1,000 recipients, answers 452 to the rest, and stores the message once', async () => {
    const slug = desk.org.org.slug;
    const extra = Array.from({ length: 149 }, (_, i) => `box${i}-${slug}@foodbank.test`);
    for (const address of extra)
      await insertInboundAddress(desk.api.database.db, desk.org.org.id, address);
    const unknown = Array.from({ length: 850 }, (_, i) => `nobody${i}@elsewhere.example`);
    const to = [desk.inbox, ...extra, ...unknown];
    expect(to).toHaveLength(1000);
    const from = `crowd-${unique()}@example.org`;
    const marker = `crowd-${unique()}`;
    const info = (await desk
      .client()
      .sendMail({ from, to, subject: marker, text: 'Hi all' })) as Delivery;
    expect(maxRecipients).toBe(100);
    expect(info.accepted).toEqual(to.slice(0, 100));
    expect(info.rejected).toEqual(to.slice(100));
    expect(new Set(info.rejectedErrors!.map((e) => e.responseCode))).toEqual(new Set([452]));
    const stored = await desk.storedWith(marker);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.envelopeTo).toEqual(to.slice(0, 100));
    await desk.settle();
    expect(await desk.requestsOf(from)).toHaveLength(1);
  });

  it('answers 550 to each of 999 unknown recipients and still takes the one it knows, once', async () => {
    const unknown = Array.from({ length: 999 }, (_, i) =>
      i % 2 ? `nobody${i}@${desk.mail.domain}` : `nobody${i}@elsewhere.example`,
    );
    const from = `spray-${unique()}@example.org`;
    const marker = `spray-${unique()}`;
    const to = [...unknown.slice(0, 500), desk.inbox, ...unknown.slice(500)];
    const info = (await desk
      .client()
      .sendMail({ from, to, subject: marker, text: 'Hi' })) as Delivery;
    expect(info.accepted).toEqual([desk.inbox]);
    expect(info.rejected).toEqual(unknown);
    expect(new Set(info.rejectedErrors!.map((e) => e.responseCode))).toEqual(new Set([550]));
    expect(await desk.storedWith(marker)).toHaveLength(1);
  });

  it('refuses mail to an unknown address at our domain or elsewhere with 550 and stores nothing', async () => {
    const marker = `unknown-${unique()}`;
    const addresses = [
      `help@${desk.mail.domain}`,
      `reply+${'a'.repeat(42)}@${desk.mail.domain}`,
      desk.inbox.replace('help-', 'helps-'),
      'someone@elsewhere.example',
    ];
    for (const to of addresses) {
      const sending = desk.client().sendMail({
        from: 'sender@example.org',
        to,
        subject: marker,
        text: 'Anyone there?',
      });
      expect(await outcome(sending), to).toBe(550);
    }
    expect(await desk.storedWith(marker)).toHaveLength(0);
  });
});

describe('who a reply is from', () => {
  it('refuses (550) a reply address whose token was altered, signed with an old secret or names no request, even from the requester or staff', async () => {
    const requester = `forged-${unique()}@example.org`;
    const { request, replyTo } = await desk.openByEmail(requester, 'Parcel');
    const [local, domain] = replyTo.split('@') as [string, string];
    const flip = (s: string, at: number) =>
      s.slice(0, at) + (s[at] === 'a' ? 'b' : 'a') + s.slice(at + 1);
    const forged = [
      `${flip(local, local.length - 1)}@${domain}`, // the signature edited
      `${flip(local, 'reply+'.length + 3)}@${domain}`, // the request id edited
      replyAddress({
        secret: 'the-secret-before-it-was-rotated-0123456789abcdef',
        requestId: request.id,
        domain,
      }),
      replyAddress({ secret: desk.mail.secret, requestId: randomUUID(), domain }),
    ];
    const marker = `forged-${unique()}`;
    for (const to of forged)
      for (const from of [requester, desk.org.users.agent.email]) {
        const sending = desk.client().sendMail({
          from,
          to,
          subject: `Re: ${marker}`,
          text: 'Cancel everything.',
        });
        expect(await outcome(sending), `${from} → ${to}`).toBe(550);
      }
    expect(await desk.storedWith(marker)).toHaveLength(0);
  });

  it('keeps a forged staff From to the organization address, threaded by In-Reply-To, as an internal note for review, never a staff reply', async () => {
    const requester = `victim-${unique()}@example.org`;
    const { request, ack } = await desk.openByEmail(requester, 'Food parcel');
    const mailsBefore = desk.mailTo(requester).length;
    const staff = desk.org.users.agent;
    await desk.client().sendMail({
      from: `"${staff.name}" <${staff.email}>`,
      to: desk.inbox,
      subject: `Re: ${ack.subject}`,
      inReplyTo: ack.messageId,
      references: [ack.messageId!],
      text: 'Your parcel is cancelled, sorry.',
    });
    await desk.settle();

    const messages = await desk.messagesOf(request.id);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({
      visibility: 'internal',
      author: 'system',
      authorUserId: null,
      needsReview: true,
      fromAddress: staff.email.toLowerCase(),
    });
    expect(messages[1]!.body).toContain('Your parcel is cancelled, sorry.');
    const rows = await desk.api.database.db
      .select()
      .from(requestMessages)
      .where(
        and(eq(requestMessages.requestId, request.id), eq(requestMessages.visibility, 'internal')),
      );
    expect(rows.map((r) => r.needsReview)).toEqual([true]);
    expect((await desk.request(request.id)).firstRespondedAt).toBeNull();
    expect(desk.mailTo(requester)).toHaveLength(mailsBefore);
  });

  it("keeps a stranger's reply to a genuine reply address as a note for review and sends the requester nothing", async () => {
    const requester = `asker-${unique()}@example.org`;
    const { request, replyTo } = await desk.openByEmail(requester, 'Winter coats');
    const mailsBefore = desk.mailTo(requester).length;
    const clocksBefore = await clocksOf(request.id);
    await desk.client().sendMail({
      from: `stranger-${unique()}@example.net`,
      to: replyTo,
      subject: 'Re: Winter coats',
      text: 'I know this person, give me their parcel.',
    });
    await desk.settle();

    const messages = await desk.messagesOf(request.id);
    expect(messages.map((m) => [m.author, m.visibility, m.needsReview])).toEqual([
      ['requester', 'public', false],
      ['system', 'internal', true],
    ]);
    expect(messages[1]!.body).toContain('give me their parcel');
    expect(await clocksOf(request.id)).toEqual(clocksBefore);
    expect((await desk.request(request.id)).status).toBe('new');
    expect(desk.mailTo(requester)).toHaveLength(mailsBefore);
  });
});

describe('automatic mail', () => {
  it('files an out-of-office reply to a solved request without reopening it, starting a clock or answering it', async () => {
    const requester = `away-${unique()}@example.org`;
    const { request, ack, replyTo } = await desk.openByEmail(requester, 'Holiday hamper');
    const solved = await desk.call('PATCH', `/requests/${request.id}`, { status: 'solved' });
    expect(solved.statusCode, solved.body).toBe(200);
    await desk.settle();
    const clocksBefore = await clocksOf(request.id);
    const outboxBefore = (await outboxRowsOf(request.id)).length;
    const mailsBefore = desk.mailTo(requester).length;

    const marker = `ooo-${unique()}`;
    await desk.client().sendMail({
      from: requester,
      to: replyTo,
      subject: `Automatic reply: ${ack.subject}`,
      inReplyTo: ack.messageId,
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Test-Marker': marker },
      text: 'I am away until Monday.',
    });
    await desk.settle();

    const after = await desk.request(request.id);
    expect(after.status).toBe('solved');
    expect(await clocksOf(request.id)).toEqual(clocksBefore);
    expect(clocksBefore.some((c) => c.target === 'next_response')).toBe(false);
    expect(await outboxRowsOf(request.id)).toHaveLength(outboxBefore);
    expect(desk.mailTo(requester)).toHaveLength(mailsBefore);
    expect((await desk.messagesOf(request.id)).at(-1)).toMatchObject({
      visibility: 'internal',
      automatic: true,
      needsReview: false,
    });
    const [stored] = await desk.storedWith(marker);
    expect(stored).toMatchObject({ state: 'processed', outcome: { automatic: 'auto-submitted' } });
  });

  it('opens no request for an auto-reply to the organization address that answers nothing', async () => {
    const from = `ooo-${unique()}@example.org`;
    const marker = `ooo-${unique()}`;
    await desk.client().sendMail({
      from,
      to: desk.inbox,
      subject: `Out of office ${marker}`,
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am out of the office until 1 December.',
    });
    await desk.settle();
    expect(await desk.requestsOf(from)).toEqual([]);
    expect(desk.mailTo(from)).toEqual([]);
    const [stored] = await desk.storedWith(marker);
    expect(stored).toMatchObject({ state: 'processed', outcome: { ignored: 'auto-submitted' } });
  });

  it('treats mail with an empty return path (MAIL FROM:<>) as automatic, whatever its headers', async () => {
    const from = `robot-${unique()}@example.org`;
    const marker = `null-sender-${unique()}`;
    await desk.client().sendMail({
      envelope: { from: '', to: [desk.inbox] },
      from,
      to: desk.inbox,
      subject: `Your order ${marker}`,
      text: 'Thank you for your order.',
    });
    await desk.settle();
    expect(await desk.requestsOf(from)).toEqual([]);
    expect(desk.mailTo(from)).toEqual([]); // no acknowledgement: no mail loop
    const [stored] = await desk.storedWith(marker);
    expect(stored).toMatchObject({ state: 'processed', outcome: { ignored: 'auto-submitted' } });
  });
});

/** A delivery status notification (RFC 3464) about a message to `recipient`. */
const dsn = (recipient: string, status: string, about: { subject: string; messageId: string }) =>
  Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
      `To: ${desk.inbox}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <dsn-${unique()}@mx.example.org>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="RPT"',
      '',
      '--RPT',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      `<${recipient}>: host mx2.example.org said: ${status} mailbox problem`,
      '',
      '--RPT',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      'Action: failed',
      `Status: ${status}`,
      `Diagnostic-Code: smtp; ${status.startsWith('5') ? 550 : 452} ${status} mailbox problem`,
      '',
      '--RPT',
      'Content-Type: text/rfc822-headers',
      '',
      `To: ${recipient}`,
      `Subject: ${about.subject}`,
      `Message-ID: ${about.messageId}`,
      '',
      '--RPT--',
      '',
    ].join('\r\n'),
  );

describe('bounces', () => {
  it('marks the address of a hard bounce (5.1.1) as bouncing, and queues no more mail to it', async () => {
    const requester = `gone-${unique()}@example.org`;
    const { request, ack } = await desk.openByEmail(requester, 'Blankets');
    const raw = dsn(requester, '5.1.1', { subject: ack.subject!, messageId: ack.messageId! });
    await desk.client().sendMail({ envelope: { from: '', to: [desk.inbox] }, raw });
    await desk.settle();
    expect((await emailRow(requester))!.bouncedAt).not.toBeNull();
    expect(await desk.messagesOf(request.id)).toHaveLength(1); // a bounce is no message

    const outboxBefore = (await outboxRowsOf(request.id)).length;
    const reply = await desk.call('POST', `/requests/${request.id}/messages`, {
      body: 'We have a blanket for you.',
      visibility: 'public',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await desk.settle();
    expect(await outboxRowsOf(request.id)).toHaveLength(outboxBefore);
    expect(desk.mailTo(requester)).toHaveLength(1); // the acknowledgement only
  });

  it('ignores a forged bounce that quotes no mail we sent to that address', async () => {
    const requester = `victim-${unique()}@example.org`;
    await desk.openByEmail(requester, 'Coat');
    const raw = dsn(requester, '5.1.1', {
      subject: 'Something',
      messageId: `<forged-${unique()}@elsewhere.example>`,
    });
    await desk.client().sendMail({ envelope: { from: '', to: [desk.inbox] }, raw });
    await desk.settle();
    expect((await emailRow(requester))!.bouncedAt).toBeNull();
  });

  it('marks nothing for a temporary failure report (4.2.2)', async () => {
    const requester = `full-${unique()}@example.org`;
    const { request, ack } = await desk.openByEmail(requester, 'Shoes');
    const raw = dsn(requester, '4.2.2', { subject: ack.subject!, messageId: ack.messageId! });
    await desk.client().sendMail({ envelope: { from: '', to: [desk.inbox] }, raw });
    await desk.settle();
    expect((await emailRow(requester))!.bouncedAt).toBeNull();
    const reply = await desk.call('POST', `/requests/${request.id}/messages`, {
      body: 'Your shoes are ready.',
      visibility: 'public',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await desk.settle();
    expect(desk.mailTo(requester).at(-1)!.text).toContain('Your shoes are ready.');
  });
});
