import { replyAddressOf } from '../domain/email/outbox';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../tests/support/api';
import { emailDesk, type EmailDesk } from '../../../tests/support/mail';
import { loadConfig } from '../config';

let desk: EmailDesk;
beforeAll(async () => {
  desk = await emailDesk();
});
afterAll(() => desk.close());

const unique = () => randomUUID().slice(0, 8);
const run = promisify(execFile);

describe('a staff member answering from their own mail client', () => {
  it('posts a public staff reply that counts as the first response and reaches the requester', async () => {
    const requester = `parent-${unique()}@example.org`;
    const { request, ack, replyTo } = await desk.openByEmail(requester, 'School shoes');
    expect((await desk.request(request.id)).firstRespondedAt).toBeNull();
    const staff = desk.org.users.agent;
    // Mail to staff carries an address made for them; the requester's never vouches for staff.
    const staffAddress = replyAddressOf(desk.mail, request.id, [desk.inbox], staff.id);
    expect(staffAddress).not.toBe(replyTo);
    await desk.client().sendMail({
      from: `"${staff.name}" <${staff.email}>`,
      to: staffAddress,
      subject: `Re: ${ack.subject}`,
      inReplyTo: ack.messageId,
      text: `We have shoes in size 34 for Friday.\n\nOn Tue, 24 Nov 2026 at 10:00, ${requester} wrote:\n> Hello, can you help?`,
    });
    await desk.settle();

    const messages = await desk.messagesOf(request.id);
    expect(messages.at(-1)).toMatchObject({
      author: 'staff',
      visibility: 'public',
      authorUserId: staff.id,
      needsReview: false,
      body: 'We have shoes in size 34 for Friday.',
    });
    const after = await desk.request(request.id);
    expect(after.firstRespondedAt).toBe(desk.api.clock.now().toISOString());
    const clocks = (
      await desk.call('GET', `/promises/clocks?subjectType=request&subjectId=${request.id}`)
    ).json().data as { target: string; state: string }[];
    expect(clocks.find((c) => c.target === 'first_response')?.state).toBe('fulfilled');

    const reply = desk.mailTo(requester).at(-1)!;
    expect(reply.messageId).not.toBe(ack.messageId);
    expect(reply.text).toContain('We have shoes in size 34 for Friday.');
    expect(reply.headers.get('auto-submitted')).toBeUndefined();
    expect(reply.replyTo!.value[0]!.address).toBe(replyTo);
  });

  it('tells the assignee when the requester writes, and their reply to that email answers the requester', async () => {
    const requester = `mother-${unique()}@example.org`;
    const { request, replyTo } = await desk.openByEmail(requester, 'Cot for the baby');
    const staff = desk.org.users.agent;
    expect(
      (await desk.call('PATCH', `/requests/${request.id}`, { assigneeId: staff.id })).statusCode,
    ).toBe(200);
    await desk.client().sendMail({
      from: requester,
      to: replyTo,
      subject: 'Re: Cot for the baby',
      text: 'Is Friday afternoon all right?',
    });
    await desk.settle();
    const told = desk.mailTo(staff.email).at(-1)!;
    expect(told.subject).toContain('Cot for the baby');
    expect(told.text).toContain('Is Friday afternoon all right?');
    expect(told.text).toContain(`/app/requests/${request.id}`);
    const staffReplyTo = told.replyTo!.value[0]!.address!;
    expect(staffReplyTo).not.toBe(replyTo);

    await desk.client().sendMail({
      from: staff.email,
      to: staffReplyTo,
      subject: `Re: ${told.subject}`,
      inReplyTo: told.messageId,
      text: 'Friday at 15:00 is fine.\n\n> Is Friday afternoon all right?',
    });
    await desk.settle();
    expect((await desk.messagesOf(request.id)).at(-1)).toMatchObject({
      author: 'staff',
      visibility: 'public',
      authorUserId: staff.id,
      body: 'Friday at 15:00 is fine.',
    });
    expect(desk.mailTo(requester).at(-1)!.text).toContain('Friday at 15:00 is fine.');
  });

  it('keeps a staff From on the requester’s own reply address as a note for review, never a staff reply', async () => {
    const requester = `forward-${unique()}@example.org`;
    const { request, ack, replyTo } = await desk.openByEmail(requester, 'Winter coat');
    const staff = desk.org.users.manager;
    const before = desk.mailTo(requester).length;
    await desk.client().sendMail({
      from: `"${staff.name}" <${staff.email}>`, // forged by whoever holds the requester's mail
      to: replyTo,
      subject: `Re: ${ack.subject}`,
      text: 'Your case is closed, please pay the fee at http://evil.example',
    });
    await desk.settle();
    const last = (await desk.messagesOf(request.id)).at(-1)!;
    expect(last).toMatchObject({ visibility: 'internal', needsReview: true });
    expect((await desk.request(request.id)).firstRespondedAt).toBeNull();
    expect(desk.mailTo(requester)).toHaveLength(before); // nothing went out in staff's name
  });
});

describe('the inbound email webhook', () => {
  const raw = (marker: string, from: string) =>
    Buffer.from(
      `From: Ona <${from}>\r\nTo: ${desk.inbox}\r\nSubject: Forwarded ${marker}\r\nMessage-ID: <${marker}@mail.example>\r\n\r\nSent through our mail provider.\r\n`,
    );
  const post = (body: Buffer | string, token?: string) =>
    desk.api.app.inject({
      method: 'POST',
      url: '/api/v1/inbound/email',
      headers: { 'content-type': 'message/rfc822', ...(token ? bearer(token) : {}) },
      payload: body,
    });

  it('stores a raw message posted with an admin token (202) and processes it like SMTP mail', async () => {
    const marker = `hook-${unique()}`;
    const from = `ona-${unique()}@example.org`;
    const res = await post(raw(marker, from), desk.org.tokens.admin);
    expect(res.statusCode, res.body).toBe(202);
    const [stored] = await desk.storedWith(marker);
    expect(res.json()).toEqual({ id: stored!.id, status: 'received' });
    expect(stored).toMatchObject({ source: 'webhook', orgId: desk.org.org.id, state: 'received' });
    await desk.settle();
    const [request] = await desk.requestsOf(from);
    expect(request!.subject).toBe(`Forwarded ${marker}`);
    expect((await desk.messagesOf(request!.id))[0]!.body).toBe('Sent through our mail provider.');
    expect(desk.mailTo(from)).toHaveLength(1); // the acknowledgement
  });

  it('refuses an agent token (403), an empty body (400), no token (401) and too large a body (413), storing nothing', async () => {
    const marker = `hook-${unique()}`;
    const from = `nobody-${unique()}@example.org`;
    expect((await post(raw(marker, from), desk.org.tokens.agent)).statusCode).toBe(403);
    expect((await post(Buffer.alloc(0), desk.org.tokens.admin)).statusCode).toBe(400);
    expect((await post(raw(marker, from))).statusCode).toBe(401);
    const { maxBytes } = loadConfig({ TEND_DEMO: 'off' }).mail; // what the test app was built with
    const huge = Buffer.concat([raw(marker, from), Buffer.alloc(maxBytes, 'x')]);
    expect((await post(huge, desk.org.tokens.admin)).statusCode).toBe(413);
    expect(await desk.storedWith(marker)).toHaveLength(0);
  });
});

const python = await run('python3', ['--version']).then(
  () => true,
  () => false,
);

describe("Python's smtplib as the sender", () => {
  it.skipIf(!python)('sends a message that becomes a request of the right contact', async () => {
    const from = `petras-${unique()}@example.lt`;
    const script = [
      'import smtplib, sys',
      'from email.message import EmailMessage',
      'port, sender, to = sys.argv[1:4]',
      'm = EmailMessage()',
      "m['From'] = f'Petras Jonaitis <{sender}>'",
      "m['To'] = to",
      "m['Subject'] = 'Pagalba su šildymu'",
      "m.set_content('Sveiki, ar galite padėti apmokėti šildymą?')",
      "with smtplib.SMTP('127.0.0.1', int(port)) as s:",
      '    s.send_message(m)',
    ].join('\n');
    // Asynchronous on purpose: a synchronous child would block the listener it talks to.
    await run('python3', ['-c', script, String(desk.listener.port), from, desk.inbox]);
    await desk.settle();

    const [request, ...more] = await desk.requestsOf(from);
    expect(more).toEqual([]);
    expect(request!.subject).toBe('Pagalba su šildymu');
    const contact = (await desk.call('GET', `/contacts/${request!.requesterId}`)).json();
    expect(contact).toMatchObject({ name: 'Petras Jonaitis' });
    expect(JSON.stringify(contact)).toContain(from);
    const [message] = await desk.messagesOf(request!.id);
    expect(message!.body).toBe('Sveiki, ar galite padėti apmokėti šildymą?');
  });
});

/** A deterministic stream of bytes of every value (NUL, CR, LF and 8-bit included). */
function junk(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >>> 16;
  }
  return out;
}

describe('malformed mail', () => {
  it('stores broken MIME and binary junk and processes each without getting stuck, opening at most one request each', async () => {
    const marker = `broken-${unique()}`;
    const from = (i: number) => `broken${i}-${marker}@example.org`;
    const head = (i: number, extra: string[]) =>
      [
        `From: ${from(i)}`,
        `To: ${desk.inbox}`,
        `X-Test-Marker: ${marker}-${i}`,
        ...extra,
        '',
        '',
      ].join('\r\n');
    const cases: Buffer[] = [
      // a boundary declared but never used, and never closed
      Buffer.from(
        head(0, [
          'Subject: Broken boundary',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="declared"',
        ]) + '--other\r\nContent-Type: text/plain\r\n\r\nHelp with rent please\r\n--other\r\n',
      ),
      // a multipart without any boundary, and base64 that is not base64
      Buffer.from(
        head(1, [
          'Subject: No boundary',
          'MIME-Version: 1.0',
          'Content-Type: multipart/alternative',
        ]) +
          'Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64!!!\r\n',
      ),
      // binary junk as the body of a text part
      Buffer.concat([
        Buffer.from(
          head(2, [
            'Subject: Binary',
            'Content-Type: text/plain; charset=utf-8',
            'Content-Transfer-Encoding: 8bit',
          ]),
        ),
        junk(8000, 2),
      ]),
      // junk in the headers themselves, and a charset nobody knows
      Buffer.concat([
        Buffer.from(head(3, ['Content-Type: text/plain; charset=x-unknown-42'])),
        Buffer.from('Subject: '),
        junk(200, 3).map((b) => (b === 10 || b === 13 ? 32 : b)),
        Buffer.from('\r\nthis line has no colon\r\n\r\n'),
        junk(2000, 4),
      ]),
      // no From header at all
      Buffer.concat([
        Buffer.from(`To: ${desk.inbox}\r\nX-Test-Marker: ${marker}-4\r\nSubject: ?\r\n\r\n`),
        junk(1000, 5),
      ]),
      // nested forty deep, never closed
      Buffer.from(
        head(5, [
          'Subject: Nested',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b0"',
        ]) +
          Array.from(
            { length: 40 },
            (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`,
          ).join('') +
          '--b40\r\nContent-Type: text/plain\r\n\r\nDeep down\r\n',
      ),
    ];
    for (const [i, raw] of cases.entries())
      await desk.client().sendMail({ envelope: { from: from(i), to: [desk.inbox] }, raw });
    await desk.settle();

    for (const i of cases.keys()) {
      const stored = await desk.storedWith(`${marker}-${i}`);
      expect(stored, `case ${i}`).toHaveLength(1);
      expect(['processed', 'rejected'], `case ${i}`).toContain(stored[0]!.state);
      expect(stored[0]!.outcome, `case ${i}`).not.toBeNull();
      expect(stored[0]!.error, `case ${i}`).toBeNull();
      expect((await desk.requestsOf(from(i))).length, `case ${i}`).toBeLessThanOrEqual(1);
    }
  });
});
