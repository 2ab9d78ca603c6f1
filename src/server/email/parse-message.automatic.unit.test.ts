import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message';
import { encodedWord, rawMessage } from './test-mail';

const human = ['From: Ana <ana@example.es>', 'To: help@foodbank.example'];

const dsn = (status: string, action: string) =>
  rawMessage(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
      'To: reply+abc@mail.tend.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status;\r\n boundary="dsn-1"',
    ],
    [
      '--dsn-1',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host mx.example.org.',
      "I'm sorry to have to inform you that your message could not be delivered.",
      '',
      '--dsn-1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Tue,  3 Nov 2026 10:00:00 +0000 (UTC)',
      '',
      'Final-Recipient: rfc822; nobody@example.org',
      'Original-Recipient: rfc822;nobody@example.org',
      `Action: ${action}`,
      `Status: ${status}`,
      'Remote-MTA: dns; mx2.example.org',
      'Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.org>: Recipient address',
      '    rejected: User unknown in virtual mailbox table',
      '',
      '--dsn-1',
      'Content-Type: text/rfc822-headers',
      '',
      'From: Food Bank <reply+abc@mail.tend.example>',
      'To: nobody@example.org',
      'Subject: [R-1042] We received your request',
      '',
      '--dsn-1--',
      '',
    ].join('\n'),
  );

describe('recognizing automatic mail', () => {
  it('reads a DSN bounce with a permanent failure', async () => {
    const parsed = await parseMessage(dsn('5.1.1', 'failed'));
    expect(parsed).toMatchObject({
      autoSubmitted: true,
      autoReason: 'bounce',
      bounce: { recipient: 'nobody@example.org', status: '5.1.1', hard: true },
      malformed: false,
    });
    expect(parsed.visibleText).toContain('could not be delivered');
  });

  it('reads a delayed delivery as a soft bounce', async () => {
    const parsed = await parseMessage(dsn('4.4.1', 'delayed'));
    expect(parsed.bounce).toEqual({
      recipient: 'nobody@example.org',
      status: '4.4.1',
      hard: false,
    });
  });

  it('reads a postmaster bounce without a report from X-Failed-Recipients and its text', async () => {
    const parsed = await parseMessage(
      rawMessage(
        [
          'From: postmaster@mail.example.lt',
          'X-Failed-Recipients: jonas@example.lt',
          'Subject: Mail delivery failed: returning message to sender',
        ],
        'A message that you sent could not be delivered.\n  jonas@example.lt\n    550 5.2.2 mailbox full\n',
      ),
    );
    expect(parsed.autoReason).toBe('bounce');
    expect(parsed.bounce).toEqual({ recipient: 'jonas@example.lt', status: '5.2.2', hard: true });
  });

  it('marks Auto-Submitted: auto-replied as automatic', async () => {
    const parsed = await parseMessage(
      rawMessage(
        [...human, 'Subject: Re: [R-1042] Parcel', 'Auto-Submitted: auto-replied'],
        'I am away until Monday.',
      ),
    );
    expect(parsed).toMatchObject({
      autoSubmitted: true,
      autoReason: 'auto-submitted',
      bounce: null,
    });
  });

  it('does not count Auto-Submitted: no', async () => {
    const parsed = await parseMessage(
      rawMessage([...human, 'Subject: Hello', 'Auto-Submitted: no'], 'Hi'),
    );
    expect(parsed).toMatchObject({ autoSubmitted: false, autoReason: null });
  });

  it.each([
    ['X-Autoreply: yes'],
    ['X-Autorespond: Thank you for your email'],
    ['Precedence: bulk'],
    ['Precedence: auto_reply'],
    ['Precedence: list'],
    ['Precedence: junk'],
  ])('counts the header "%s" as an auto-reply', async (line) => {
    const parsed = await parseMessage(rawMessage([...human, 'Subject: Hello', line], 'x'));
    expect(parsed).toMatchObject({ autoSubmitted: true, autoReason: 'auto-reply' });
  });

  it.each([
    'Out of Office: [R-1042] Parcel',
    'Automatic reply: [R-1042] Parcel',
    'Auto-Reply: [R-1042] Parcel',
    encodedWord('UTF-8', 'Q', 'Respuesta automática: [R-1042] Paquete'),
    encodedWord('UTF-8', 'B', 'Automatinis atsakymas: [R-1042] Siuntinys'),
    encodedWord('windows-1251', 'B', 'Автоматична відповідь: [R-1042] Посилка'),
    encodedWord('KOI8-U', 'B', 'Автоматический ответ: [R-1042] Посылка'),
  ])('counts an out-of-office by its subject alone: %s', async (subject) => {
    const parsed = await parseMessage(rawMessage([...human, `Subject: ${subject}`], 'Away.'));
    expect(parsed).toMatchObject({ autoSubmitted: true, autoReason: 'auto-reply', bounce: null });
  });

  it('does not count a person writing about being out of office', async () => {
    const subject = 'Re: [R-1042] I will be out of office next week, please call';
    const parsed = await parseMessage(rawMessage([...human, `Subject: ${subject}`], 'x'));
    expect(parsed.autoSubmitted).toBe(false);
  });
});
