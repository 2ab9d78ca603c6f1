import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './index';

describe('parseInstant', () => {
  it('reads Z and offsets with or without a colon, or hours only', () => {
    const expected = '2026-03-27T15:30:00.000Z';
    for (const text of [
      '2026-03-27T15:30:00Z',
      '2026-03-27T17:30:00+02:00',
      '2026-03-27T17:30:00+0200',
      '2026-03-27T17:30+02',
      '2026-03-27T10:00:00-05:30',
      '2026-03-27t15:30:00z',
    ]) {
      expect(parseInstant(text)?.toISOString(), text).toBe(expected);
    }
  });

  it('keeps fractional seconds to the millisecond', () => {
    expect(parseInstant('2026-03-27T17:30:00.5+02:00')?.toISOString()).toBe(
      '2026-03-27T15:30:00.500Z',
    );
    expect(parseInstant('2026-03-27T15:30:00.123456789Z')?.toISOString()).toBe(
      '2026-03-27T15:30:00.123Z',
    );
  });

  it('rejects a time without a zone designator', () => {
    expect(parseInstant('2026-03-27T17:30:00')).toBeUndefined();
    expect(parseInstant('2026-03-27')).toBeUndefined();
  });

  it('rejects impossible dates, times and offsets', () => {
    for (const text of [
      '2026-02-30T10:00:00Z',
      '2026-03-27T24:00:00Z',
      '2026-03-27T10:60:00Z',
      '2026-03-27T10:00:60Z',
      '2026-03-27T10:00:00+24:00',
      'tomorrow',
    ]) {
      expect(parseInstant(text), text).toBeUndefined();
    }
  });
});

describe('formatInstant', () => {
  it('prints UTC without milliseconds, dropping them rather than rounding', () => {
    expect(formatInstant(new Date('2026-12-21T08:00:00.999Z'))).toBe('2026-12-21T08:00:00Z');
  });
});
