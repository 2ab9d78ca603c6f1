import { describe, expect, it } from 'vitest';
import { due, elapsed, isWorkingTime, parseCalendar, type Calendar } from './index';

/** A calendar open only on Sundays (every 2026 transition below falls on a Sunday). */
function sundays(timezone: string, ...intervals: [string, string][]): Calendar {
  return parseCalendar({ timezone, hours: { sun: intervals } });
}

/** Opening and length in minutes of the first working stretch after `from`. */
function firstStretch(calendar: Calendar, from: string): { opens: string; minutes: number } {
  const opens = due(calendar, new Date(from), 0);
  let minutes = 0;
  while (isWorkingTime(calendar, new Date(opens.getTime() + minutes * 60_000))) minutes++;
  return { opens: opens.toISOString(), minutes };
}

describe('Europe/Vilnius spring forward, 2026-03-29 03:00 → 04:00', () => {
  it('makes 00:00–04:00 three real hours long', () => {
    const calendar = sundays('Europe/Vilnius', ['00:00', '04:00']);
    const from = new Date('2026-03-28T12:00:00Z');
    expect(due(calendar, from, 0)).toEqual(new Date('2026-03-29T00:00:00+02:00'));
    expect(due(calendar, from, 179)).toEqual(new Date('2026-03-29T03:59:00+03:00'));
    // The last minute ends the interval, so the answer is next Sunday's opening.
    expect(due(calendar, from, 180)).toEqual(new Date('2026-04-05T00:00:00+03:00'));
    expect(elapsed(calendar, from, new Date('2026-03-30T00:00:00Z'))).toBe(180);
  });

  it('moves a start in the gap forward by the gap (03:30 opens at 04:30)', () => {
    const calendar = sundays('Europe/Vilnius', ['03:30', '06:00']);
    expect(firstStretch(calendar, '2026-03-28T12:00:00Z')).toEqual({
      opens: new Date('2026-03-29T04:30:00+03:00').toISOString(),
      minutes: 90,
    });
  });

  it('moves an end in the gap forward by the gap (01:00–03:30 lasts 150 minutes)', () => {
    const calendar = sundays('Europe/Vilnius', ['01:00', '03:30']);
    expect(firstStretch(calendar, '2026-03-28T12:00:00Z')).toEqual({
      opens: new Date('2026-03-29T01:00:00+02:00').toISOString(),
      minutes: 150,
    });
  });

  it('counts 23 real hours on a 24/7 calendar that day', () => {
    const calendar = sundays('Europe/Vilnius', ['00:00', '24:00']);
    const from = new Date('2026-03-28T12:00:00Z');
    expect(elapsed(calendar, from, new Date('2026-03-30T12:00:00Z'))).toBe(23 * 60);
  });
});

describe('Europe/Vilnius fall back, 2026-10-25 04:00 → 03:00', () => {
  it('makes 00:00–04:00 five real hours long', () => {
    const calendar = sundays('Europe/Vilnius', ['00:00', '04:00']);
    const from = new Date('2026-10-24T12:00:00Z');
    expect(due(calendar, from, 299)).toEqual(new Date('2026-10-25T03:59:00+02:00'));
    expect(elapsed(calendar, from, new Date('2026-10-26T00:00:00Z'))).toBe(300);
  });

  it('reads an edge in the repeated hour as its earlier instant', () => {
    const starts = sundays('Europe/Vilnius', ['03:30', '05:00']);
    expect(firstStretch(starts, '2026-10-24T12:00:00Z')).toEqual({
      opens: new Date('2026-10-25T03:30:00+03:00').toISOString(),
      minutes: 150,
    });
    const ends = sundays('Europe/Vilnius', ['01:00', '03:30']);
    expect(firstStretch(ends, '2026-10-24T12:00:00Z').minutes).toBe(150);
  });
});

describe('America/New_York spring forward, 2026-03-08 02:00 → 03:00', () => {
  it('makes 01:00–03:00 one real hour long', () => {
    const calendar = sundays('America/New_York', ['01:00', '03:00']);
    expect(firstStretch(calendar, '2026-03-07T12:00:00Z')).toEqual({
      opens: new Date('2026-03-08T01:00:00-05:00').toISOString(),
      minutes: 60,
    });
  });

  it('moves a start in the gap forward by the gap (02:30 opens at 03:30)', () => {
    const calendar = sundays('America/New_York', ['02:30', '05:00']);
    expect(firstStretch(calendar, '2026-03-07T12:00:00Z')).toEqual({
      opens: new Date('2026-03-08T03:30:00-04:00').toISOString(),
      minutes: 90,
    });
  });

  it('moves an interval lying wholly in the gap forward by the gap', () => {
    const calendar = sundays('America/New_York', ['02:15', '02:45']);
    expect(firstStretch(calendar, '2026-03-07T12:00:00Z')).toEqual({
      opens: new Date('2026-03-08T03:15:00-04:00').toISOString(),
      minutes: 30,
    });
  });

  it('drops an interval whose start moves past its end (02:30–03:15 becomes 03:30–03:15)', () => {
    const calendar = sundays('America/New_York', ['02:30', '03:15'], ['05:00', '06:00']);
    expect(firstStretch(calendar, '2026-03-07T12:00:00Z')).toEqual({
      opens: new Date('2026-03-08T05:00:00-04:00').toISOString(),
      minutes: 60,
    });
  });
});

describe('America/New_York fall back, 2026-11-01 02:00 → 01:00', () => {
  it('makes 00:00–03:00 four real hours long', () => {
    const calendar = sundays('America/New_York', ['00:00', '03:00']);
    const from = new Date('2026-10-31T12:00:00Z');
    expect(due(calendar, from, 239)).toEqual(new Date('2026-11-01T02:59:00-05:00'));
    expect(elapsed(calendar, from, new Date('2026-11-02T12:00:00Z'))).toBe(240);
  });

  it('opens 01:30–02:00 at the first 01:30 and keeps it open through the repeat', () => {
    const calendar = sundays('America/New_York', ['01:30', '02:00']);
    expect(firstStretch(calendar, '2026-10-31T12:00:00Z')).toEqual({
      opens: new Date('2026-11-01T01:30:00-04:00').toISOString(),
      minutes: 90,
    });
  });
});

describe('a night shift 22:00–24:00 + 00:00–06:00', () => {
  const night = parseCalendar({
    timezone: 'America/New_York',
    hours: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [
        day,
        [
          ['00:00', '06:00'],
          ['22:00', '24:00'],
        ],
      ]),
    ),
  });

  it('runs through midnight as one stretch', () => {
    const from = new Date('2026-06-01T23:00:00-04:00');
    expect(due(night, from, 180)).toEqual(new Date('2026-06-02T02:00:00-04:00'));
    expect(elapsed(night, from, new Date('2026-06-02T12:00:00-04:00'))).toBe(420);
  });

  it('lasts nine real hours on the fall-back night and ends at 06:00 standard time', () => {
    const from = new Date('2026-10-31T22:00:00-04:00');
    expect(due(night, from, 480)).toEqual(new Date('2026-11-01T05:00:00-05:00'));
    expect(due(night, from, 540)).toEqual(new Date('2026-11-01T22:00:00-05:00'));
    expect(elapsed(night, from, new Date('2026-11-01T12:00:00-05:00'))).toBe(540);
  });

  it('lasts seven real hours on the spring-forward night', () => {
    const from = new Date('2026-03-07T22:00:00-05:00');
    expect(elapsed(night, from, new Date('2026-03-08T12:00:00-04:00'))).toBe(420);
    expect(due(night, from, 420)).toEqual(new Date('2026-03-08T22:00:00-04:00'));
  });
});
