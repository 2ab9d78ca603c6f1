import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message';
import { base64Body, encodedWord, quotedPrintable, rawMessage } from './test-mail';

const lithuanian = 'Šarūnas Žemaitis, ačiū';
const ukrainian = 'Дякую, Оксана Ґудзь, їжак';

const message = (headers: string[], body = '') =>
  rawMessage(['From: someone@example.org', 'MIME-Version: 1.0', ...headers], body);

describe('decoding legacy charsets', () => {
  it.each([
    ['UTF-8', 'B', ukrainian],
    ['UTF-8', 'Q', lithuanian],
    ['ISO-8859-13', 'Q', lithuanian],
    ['ISO-8859-13', 'B', lithuanian],
    ['windows-1257', 'Q', lithuanian],
    ['KOI8-U', 'B', ukrainian],
    ['KOI8-U', 'Q', ukrainian],
    ['windows-1251', 'B', ukrainian],
  ] as const)('decodes a %s %s-encoded subject', async (charset, encoding, text) => {
    const parsed = await parseMessage(
      message([`Subject: ${encodedWord(charset, encoding, text)}`]),
    );
    expect(parsed.subject).toBe(text);
  });

  it('joins adjacent encoded words, even when they split a character', async () => {
    const bytes = Buffer.from(ukrainian);
    const first = `=?UTF-8?B?${bytes.subarray(0, 7).toString('base64')}?=`;
    const second = `=?UTF-8?B?${bytes.subarray(7).toString('base64')}?=`;
    const parsed = await parseMessage(message([`Subject: Re: ${first}\r\n ${second}`]));
    expect(parsed.subject).toBe(`Re: ${ukrainian}`);
  });

  it('decodes an encoded display name', async () => {
    const name = encodedWord('windows-1257', 'Q', 'Šarūnas Žemaitis');
    const parsed = await parseMessage(
      rawMessage([`From: ${name} <sarunas@example.lt>`, 'Subject: x'], 'x'),
    );
    expect(parsed.from).toEqual({ address: 'sarunas@example.lt', name: 'Šarūnas Žemaitis' });
  });

  // Long enough for quoted-printable soft line breaks and several base64 lines.
  const lithuanianBody = `${lithuanian}\n\n${'Ilgesnė eilutė, kad būtų minkštų eilučių lūžių. '.repeat(3)}`;
  const ukrainianBody = `${ukrainian}\n\n${"Довший рядок, щоб були м'які розриви рядків. ".repeat(3)}`;

  it.each([
    ['ISO-8859-13', 'quoted-printable', lithuanianBody],
    ['ISO-8859-13', 'base64', lithuanianBody],
    ['windows-1257', 'quoted-printable', lithuanianBody],
    ['windows-1257', 'base64', lithuanianBody],
    ['windows-1251', 'quoted-printable', ukrainianBody],
    ['windows-1251', 'base64', ukrainianBody],
    ['KOI8-U', 'quoted-printable', ukrainianBody],
    ['KOI8-U', 'base64', ukrainianBody],
  ] as const)('decodes a %s body sent as %s', async (charset, transfer, body) => {
    const raw = message(
      [
        'Subject: test',
        `Content-Type: text/plain; charset="${charset}"`,
        `Content-Transfer-Encoding: ${transfer}`,
      ],
      transfer === 'base64' ? base64Body(charset, body) : quotedPrintable(charset, body),
    );
    expect(iconv.decode(iconv.encode(body, charset), charset)).toBe(body); // the charset holds it
    const parsed = await parseMessage(raw);
    expect(parsed.text).toBe(body.trim());
    expect(parsed.visibleText).toBe(body.trim());
  });

  it('decodes an 8-bit body in a legacy charset', async () => {
    const raw = Buffer.concat([
      rawMessage(['Subject: 8bit', 'Content-Type: text/plain; charset=KOI8-U']),
      iconv.encode(`${ukrainian}\r\n`, 'KOI8-U'),
    ]);
    expect((await parseMessage(raw)).text).toBe(ukrainian);
  });

  it('decodes a legacy-charset HTML part and its text alternative', async () => {
    const raw = message(
      ['Subject: alt', 'Content-Type: multipart/alternative; boundary="alt-1"'],
      [
        '--alt-1',
        'Content-Type: text/plain; charset=windows-1251',
        'Content-Transfer-Encoding: base64',
        '',
        base64Body('windows-1251', ukrainian),
        '--alt-1',
        'Content-Type: text/html; charset=windows-1251',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        quotedPrintable('windows-1251', `<p>${ukrainian}</p>`),
        '--alt-1--',
        '',
      ].join('\r\n'),
    );
    const parsed = await parseMessage(raw);
    expect(parsed.text).toBe(ukrainian);
    expect(parsed.html).toBe(`<p>${ukrainian}</p>`);
  });
});
