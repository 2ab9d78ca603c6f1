import type * as Mailparser from 'mailparser';
import { simpleParser } from 'mailparser';
import { describe, expect, it, vi } from 'vitest';
import { parseMessage } from './parse-message';
import { rawMessage } from './test-mail';

// The real parser, observable, so a test can make it fail the way a parser bug would.
vi.mock('mailparser', async (importOriginal) => {
  const real = await importOriginal<typeof Mailparser>();
  return { ...real, simpleParser: vi.fn(real.simpleParser) };
});

describe('parsing when mailparser itself fails', () => {
  it('salvages headers and body when the parser itself fails', async () => {
    vi.mocked(simpleParser).mockRejectedValueOnce(new Error('parser bug'));
    const parsed = await parseMessage(
      rawMessage(['From: Ana <ana@example.es>', 'Subject: still here'], 'Body survives.\n'),
    );
    expect(parsed).toMatchObject({
      malformed: true,
      subject: 'still here',
      from: { address: 'ana@example.es', name: 'Ana' },
      text: 'Body survives.',
    });
  });

  it('returns the raw text when the parser fails twice', async () => {
    vi.mocked(simpleParser)
      .mockRejectedValueOnce(new Error('parser bug'))
      .mockRejectedValueOnce(new Error('again'));
    const parsed = await parseMessage(rawMessage(['Subject: gone'], 'Body survives.\n'));
    expect(parsed).toMatchObject({ malformed: true, subject: '', from: null });
    expect(parsed.text).toBe('Body survives.');
  });
});
