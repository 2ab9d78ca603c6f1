import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishReplies } from './reply-fixtures/english';
import { outlookReplies } from './reply-fixtures/outlook';
import { spanishLithuanianReplies } from './reply-fixtures/spanish-lithuanian';
import { ukrainianRussianReplies } from './reply-fixtures/ukrainian-russian';
import { visibleReply } from './visible-reply';

describe('the visible part of a reply', () => {
  const fixtures = [
    ...englishReplies,
    ...outlookReplies,
    ...spanishLithuanianReplies,
    ...ukrainianRussianReplies,
  ];

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const { visible, quoted, signatureRemoved } = fixture;
    expect(visibleReply(fixture.input)).toEqual({ visible, quoted, signatureRemoved });
  });

  it('leaves a message without quotes or signature as it was, trimmed', () => {
    expect(visibleReply('\n  Hello,\n\nI need a food parcel.  \n\n')).toEqual({
      visible: 'Hello,\n\nI need a food parcel.',
      quoted: false,
      signatureRemoved: false,
    });
  });

  it('never returns an empty text for a message that is only a signature', () => {
    expect(visibleReply('Sent from my iPhone').visible).toBe('Sent from my iPhone');
    expect(visibleReply('-- \nAna').visible).toBe('-- \nAna');
  });

  it('returns an empty text only for an empty message', () => {
    expect(visibleReply('  \n\n ').visible).toBe('');
  });

  it('keeps a content line that starts with a date above a full attribution line', () => {
    const input =
      '3 parcels arrived, thank you.\nOn Tue, 3 Nov 2026 at 10:00, Ana <a@b.org> wrote:\n> x';
    expect(visibleReply(input).visible).toBe('3 parcels arrived, thank you.');
  });

  it('keeps a content line that starts like an attribution above a full one', () => {
    const input =
      'On Monday 3 parcels arrived.\nOn Tue, 3 Nov 2026 at 10:00, Ana <a@b.org> wrote:\n> x';
    expect(visibleReply(input).visible).toBe('On Monday 3 parcels arrived.');
  });

  it('joins an attribution that Gmail wrapped before the time', () => {
    const input =
      'Fine.\n\nOn Tue, 3 Nov 2026 at\n10:00, Vilnius Food Bank <reply+abc@mail.tend.example> wrote:\n> x';
    expect(visibleReply(input)).toEqual({
      visible: 'Fine.',
      quoted: true,
      signatureRemoved: false,
    });
  });

  it('cuts at the first of several quote markers', () => {
    const input = [
      'New answer.',
      'On Tue, 3 Nov 2026 at 10:00, Ana <a@b.org> wrote:',
      '> Old answer.',
      '> -----Original Message-----',
      '> From: x',
    ].join('\n');
    expect(visibleReply(input)).toMatchObject({ visible: 'New answer.', quoted: true });
  });

  it('keeps a double hyphen inside a line and a short rule of underscores', () => {
    const input = 'Monday -- or Tuesday.\n_____\nName: ______';
    expect(visibleReply(input)).toEqual({ visible: input, quoted: false, signatureRemoved: false });
  });

  it('never returns an empty text for a message with content', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('> quoted', '-- ', 'Sent from my iPhone', 'On 1 Nov 2026, A <a@b.c> wrote:'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        expect(visibleReply(text).visible === '').toBe(text.trim() === '');
      }),
    );
  });

  it('is quick on a long message', () => {
    const long = `${'A line of text, 2026.\n'.repeat(20_000)}On 1 Nov 2026, Ana <a@b.org> wrote:\n> q`;
    const started = performance.now();
    expect(visibleReply(long).quoted).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
