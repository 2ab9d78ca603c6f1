import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { due, elapsed, isWorkingTime, naiveDue, parseCalendar } from './index';
import { calendarWithInstants, instantIn, TEST_ZONES, wallTimeIn } from './test-arbitraries';
import { wallToUtc, zoneOffsetAt, ZoneClock } from './time-zone';

const minutesArb = fc.integer({ min: 0, max: 4800 }); // up to ten 8-hour business days

describe('due and elapsed over random calendars', () => {
  it('elapsed from the start to the due time is exactly the minutes asked for', () => {
    fc.assert(
      fc.property(calendarWithInstants(1), minutesArb, ([calendar, [from]], n) => {
        if (!from) return;
        expect(elapsed(calendar, from, due(calendar, from, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the number of minutes', () => {
    fc.assert(
      fc.property(calendarWithInstants(1), minutesArb, minutesArb, ([calendar, [from]], a, b) => {
        if (!from) return;
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(due(calendar, from, low).getTime()).toBeLessThanOrEqual(
          due(calendar, from, high).getTime(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('always lands inside working time (an interval start counts), never too early', () => {
    fc.assert(
      fc.property(calendarWithInstants(1), minutesArb, ([calendar, [from]], n) => {
        if (!from) return;
        const result = due(calendar, from, n);
        expect(isWorkingTime(calendar, result)).toBe(true);
        expect(result.getTime()).toBeGreaterThanOrEqual(from.getTime() + n * 60_000);
        if (n === 0 && isWorkingTime(calendar, from)) expect(result).toEqual(from);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the minute-by-minute naiveDue for small spans', () => {
    const smallArb = fc.integer({ min: 0, max: 240 });
    fc.assert(
      fc.property(calendarWithInstants(1), smallArb, ([calendar, [from]], n) => {
        if (!from) return;
        expect(due(calendar, from, n)).toEqual(naiveDue(calendar, from, n));
      }),
      { numRuns: 100 },
    );
  });

  it('elapsed is additive up to one minute of rounding', () => {
    fc.assert(
      fc.property(calendarWithInstants(3), ([calendar, instants]) => {
        const [a, b, c] = instants.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
        const whole = elapsed(calendar, a, c);
        const parts = elapsed(calendar, a, b) + elapsed(calendar, b, c);
        expect(parts === whole || parts === whole - 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('counts nothing when the end is not after the start', () => {
    fc.assert(
      fc.property(calendarWithInstants(2), ([calendar, [a, b]]) => {
        if (a && b && b.getTime() <= a.getTime()) expect(elapsed(calendar, a, b)).toBe(0);
      }),
    );
  });
});

describe('a 24/7 UTC calendar', () => {
  const always = parseCalendar({
    timezone: 'UTC',
    hours: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
    ),
  });

  it('is wall-clock arithmetic, seconds and milliseconds of the start included', () => {
    fc.assert(
      fc.property(instantIn('UTC'), fc.integer({ min: 0, max: 525_600 }), (from, n) => {
        expect(due(always, from, n).getTime()).toBe(from.getTime() + n * 60_000);
      }),
    );
  });

  it('counts elapsed time as whole minutes of wall-clock time', () => {
    fc.assert(
      fc.property(instantIn('UTC'), fc.integer({ min: 0, max: 100_000_000 }), (from, ms) => {
        const to = new Date(from.getTime() + ms);
        expect(elapsed(always, from, to)).toBe(Math.floor(ms / 60_000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('wall-clock to UTC conversion', () => {
  const zoneWallTime = fc
    .constantFrom(...TEST_ZONES)
    .chain((zone) => fc.tuple(fc.constant(zone), wallTimeIn(zone)));

  it('gives the same instant from the cached ZoneClock and the uncached reading', () => {
    fc.assert(
      fc.property(zoneWallTime, ([zone, local]) => {
        expect(new ZoneClock(zone).toUtc(local)).toBe(wallToUtc(zone, local));
      }),
      { numRuns: 500 },
    );
  });

  it('shows the wall time back at its earliest instant, or moves it forward out of a gap', () => {
    fc.assert(
      fc.property(zoneWallTime, ([zone, local]) => {
        const utc = wallToUtc(zone, local);
        const shown = utc + zoneOffsetAt(zone, utc);
        expect(shown).toBeGreaterThanOrEqual(local);
        // In a gap the offset from before the jump is used.
        if (shown !== local) expect(zoneOffsetAt(zone, utc - 86_400_000)).toBe(local - utc);
        // The reading with the offset of an hour later, when it is valid, is never earlier.
        const later = local - zoneOffsetAt(zone, utc + 3_600_000);
        if (later + zoneOffsetAt(zone, later) === local) expect(later).toBeGreaterThanOrEqual(utc);
      }),
      { numRuns: 500 },
    );
  });
});
