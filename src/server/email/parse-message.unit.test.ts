import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message';
import { composeMessage, rawMessage } from './test-mail';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('parsing an incoming message', () => {
  it('reads the envelope headers as plain data', async () => {
    const parsed = await parseMessage(
      rawMessage(
        [
          'From: "Ana Pérez" <ana@example.es>',
          'To: Food Bank <help@foodbank.example>, reply+abc@mail.tend.example',
          'Cc: Team: Rūta <ruta@example.lt>, Jonas <jonas@example.lt>;',
          'Reply-To: ana.perez@example.es',
          'Subject: Parcel for Thursday',
          'Date: Tue, 03 Nov 2026 10:00:00 +0200',
          'Message-ID: <m2@example.es>',
          'In-Reply-To: <m1@tend.example>',
          'References: <m0@tend.example>\r\n <m1@tend.example>',
          'Content-Type: text/plain; charset=utf-8',
        ],
        'Thanks!\n',
      ),
    );
    expect(parsed).toMatchObject({
      messageId: '<m2@example.es>',
      inReplyTo: '<m1@tend.example>',
      references: ['<m0@tend.example>', '<m1@tend.example>'],
      from: { address: 'ana@example.es', name: 'Ana Pérez' },
      to: [
        { address: 'help@foodbank.example', name: 'Food Bank' },
        { address: 'reply+abc@mail.tend.example', name: '' },
      ],
      cc: [
        { address: 'ruta@example.lt', name: 'Rūta' },
        { address: 'jonas@example.lt', name: 'Jonas' },
      ],
      replyTo: { address: 'ana.perez@example.es', name: '' },
      subject: 'Parcel for Thursday',
      text: 'Thanks!',
      html: null,
      visibleText: 'Thanks!',
      attachments: [],
      autoSubmitted: false,
      autoReason: null,
      bounce: null,
      malformed: false,
    });
    expect(parsed.date?.toISOString()).toBe('2026-11-03T08:00:00.000Z');
  });

  it('prefers the text part of multipart/alternative and sanitizes the HTML part', async () => {
    const raw = await composeMessage({
      from: 'Šarūnas Žemaitis <sarunas@example.lt>',
      to: 'help@foodbank.example',
      subject: 'Dėl siuntinio',
      text: 'Labai ačiū!\n\n2026-11-03, an, 10:00, Maisto bankas <help@foodbank.example> rašė:\n> Labas',
      html: '<p onclick="x()">Labai ačiū!</p><blockquote>Labas</blockquote><script>x()</script>',
    });
    const parsed = await parseMessage(raw);
    expect(parsed.subject).toBe('Dėl siuntinio');
    expect(parsed.from).toEqual({ address: 'sarunas@example.lt', name: 'Šarūnas Žemaitis' });
    expect(parsed.text).toContain('rašė:');
    expect(parsed.visibleText).toBe('Labai ačiū!');
    expect(parsed.html).toBe('<p>Labai ačiū!</p><blockquote>Labas</blockquote>');
  });

  it('derives the text of an HTML-only message from its HTML, without the script', async () => {
    const parsed = await parseMessage(
      rawMessage(
        ['From: ana@example.es', 'Subject: html', 'Content-Type: text/html; charset=utf-8'],
        '<html><body><p>Hola,</p><p>Gracias <b>de verdad</b>.</p><script>alert(1)</script>' +
          '<blockquote>El mar, 3 nov 2026 a las 10:00, Banco (&lt;a@b.org&gt;) escribió: viejo</blockquote></body></html>',
      ),
    );
    expect(parsed.html).not.toContain('script');
    expect(parsed.html).not.toContain('alert');
    expect(parsed.text).toBe(
      'Hola,\n\nGracias de verdad.\n\n> El mar, 3 nov 2026 a las 10:00, Banco (<a@b.org>) escribió: viejo',
    );
    expect(parsed.visibleText).toBe('Hola,\n\nGracias de verdad.');
  });

  it('returns attachments with their bytes, and embedded images as inline', async () => {
    const raw = await composeMessage({
      from: 'oksana@example.ua',
      to: 'help@foodbank.example',
      subject: 'Документи',
      text: 'Документи у вкладенні.',
      html: '<p>Документи у вкладенні.</p><img src="cid:logo@example.ua">',
      attachments: [
        {
          filename: 'довідка.pdf',
          content: Buffer.from('%PDF-1.4 test'),
          contentType: 'application/pdf',
        },
        { filename: 'logo.png', content: png, cid: 'logo@example.ua' },
      ],
    });
    const parsed = await parseMessage(raw);
    expect(parsed.attachments).toHaveLength(2);
    const [pdf, logo] = [
      parsed.attachments.find((a) => a.contentType === 'application/pdf')!,
      parsed.attachments.find((a) => a.contentType === 'image/png')!,
    ];
    expect(pdf).toMatchObject({
      filename: 'довідка.pdf',
      size: 13,
      contentId: null,
      inline: false,
    });
    expect(pdf.content.toString()).toBe('%PDF-1.4 test');
    expect(logo).toMatchObject({
      filename: 'logo.png',
      contentId: 'logo@example.ua',
      inline: true,
    });
    expect(logo.content.equals(png)).toBe(true);
    expect(parsed.html).toContain('<img src="data:image/png;base64,');
  });

  it('keeps only what the requester wrote from an Outlook reply', async () => {
    const parsed = await parseMessage(
      rawMessage(
        [
          'From: John Smith <john@example.org>',
          'Subject: RE: [R-1042] Food parcel delivery',
          'Thread-Topic: [R-1042] Food parcel delivery',
          'Content-Type: text/plain; charset="us-ascii"',
          'Content-Transfer-Encoding: quoted-printable',
        ],
        'The parcel has not arrived yet.=0D=0A\n\nJohn\n\n-----Original Message-----\nFrom: Food Bank <reply+abc@mail.tend.example>\nSent: Tuesday, November 3, 2026 10:00 AM\nTo: John Smith <john@example.org>\nSubject: [R-1042] Food parcel delivery\n\nYour parcel is on its way.\n',
      ),
    );
    expect(parsed.visibleText).toBe('The parcel has not arrived yet.\n\nJohn');
    expect(parsed.text).toContain('Your parcel is on its way.');
    expect(parsed.subject).toBe('RE: [R-1042] Food parcel delivery');
  });
});
