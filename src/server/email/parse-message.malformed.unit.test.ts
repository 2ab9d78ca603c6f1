import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message';
import { rawMessage } from './test-mail';

describe('parsing malformed messages without throwing', () => {
  it('keeps the body of a multipart message whose boundary never appears', async () => {
    const parsed = await parseMessage(
      rawMessage(
        ['From: ana@example.es', 'Subject: broken', 'Content-Type: multipart/mixed; boundary="X"'],
        '--Y\nContent-Type: text/plain\n\nThe parcel did not come.\n--Y--\n',
      ),
    );
    expect(parsed.malformed).toBe(true);
    expect(parsed.subject).toBe('broken');
    expect(parsed.from?.address).toBe('ana@example.es');
    expect(parsed.text).toContain('The parcel did not come.');
  });

  it('calls a multipart message without a boundary parameter malformed', async () => {
    const parsed = await parseMessage(
      rawMessage(['Subject: nb', 'Content-Type: multipart/alternative'], 'Just text.\n'),
    );
    expect(parsed).toMatchObject({ malformed: true, subject: 'nb' });
    expect(parsed.text).toContain('Just text.');
  });

  it('gives empty values for missing addresses, subject and date, without calling it malformed', async () => {
    const parsed = await parseMessage(rawMessage(['X-Note: nothing else'], 'Body only.\n'));
    expect(parsed).toMatchObject({
      messageId: null,
      from: null,
      to: [],
      replyTo: null,
      subject: '',
      date: null,
      text: 'Body only.',
      malformed: false,
    });
  });

  it('reads a message with no headers at all as text', async () => {
    const parsed = await parseMessage(Buffer.from('I need help with rent\r\nplease call me\r\n'));
    expect(parsed).toMatchObject({ malformed: true, from: null, subject: '', messageId: null });
    expect(parsed.text).toBe('I need help with rent\nplease call me');
    expect(parsed.visibleText).toBe('I need help with rent\nplease call me');
  });

  it('keeps the body of a message that lacks the empty line after its headers', async () => {
    const raw = Buffer.from(
      'From: ana@example.es\r\nSubject: no gap\r\nHello, I need help.\r\nAna\r\n',
    );
    const parsed = await parseMessage(raw);
    expect(parsed).toMatchObject({
      malformed: true,
      subject: 'no gap',
      text: 'Hello, I need help.\nAna',
    });
  });

  it('survives binary junk', async () => {
    const junk = Buffer.from([0, 1, 2, 255, 254, 10, 13, 10, 0, 0, 0x1b, 0x5b, 0x41, 0x80, 0xff]);
    const parsed = await parseMessage(junk);
    expect(parsed.malformed).toBe(true);
    expect(parsed.text).not.toMatch(/[\u0000-\u0008]/); // eslint-disable-line no-control-regex
    expect(parsed.attachments).toEqual([]);
  });

  it('survives an empty message', async () => {
    const parsed = await parseMessage(Buffer.alloc(0));
    expect(parsed).toMatchObject({
      text: '',
      visibleText: '',
      subject: '',
      from: null,
      html: null,
    });
  });

  it('survives broken encodings inside a well-formed message', async () => {
    const parsed = await parseMessage(
      rawMessage(
        [
          'From: ana@example.es',
          'Subject: =?UTF-8?B?not base64!?= and =?bogus-charset?Q?x?=',
          'Content-Type: text/plain; charset=bogus-charset',
          'Content-Transfer-Encoding: base64',
        ],
        '!!!not base64@@@\n',
      ),
    );
    expect(parsed.from?.address).toBe('ana@example.es');
    expect(typeof parsed.subject).toBe('string');
    expect(typeof parsed.text).toBe('string');
  });

  it('survives a truncated message that ends inside a part', async () => {
    const parsed = await parseMessage(
      rawMessage(
        ['From: ana@example.es', 'Subject: cut', 'Content-Type: multipart/mixed; boundary="b"'],
        '--b\nContent-Type: text/plain\n\nFirst part is fine.\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK',
      ),
    );
    expect(parsed.text).toContain('First part is fine.');
    expect(parsed.subject).toBe('cut');
  });

  it('never throws, whatever the bytes', async () => {
    const valid = rawMessage(
      ['From: a@b.org', 'Subject: x', 'Content-Type: multipart/mixed; boundary="b"'],
      '--b\nContent-Type: text/plain; charset=koi8-u\nContent-Transfer-Encoding: base64\n\n8NLJ9w==\n--b--\n',
    );
    const mutated = fc
      .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
      .map((edits) => {
        const copy = Buffer.from(valid);
        for (const [at, byte] of edits) copy[at] = byte;
        return copy;
      });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
      mutated,
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (raw) => {
        const parsed = await parseMessage(raw);
        expect(typeof parsed.text).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});
