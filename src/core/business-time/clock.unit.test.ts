import { describe, expect, it } from 'vitest';
import { CalendarNeverOpensError, due, elapsed, isWorkingTime, parseCalendar } from './index';

const weekday = [
  ['09:00', '12:00'],
  ['13:00', '17:00'],
];
/** Vilnius office, Mon–Fri 09:00–17:00 with a lunch break, closed on 2026-12-24 (a Thursday). */
const vilnius = parseCalendar({
  timezone: 'Europe/Vilnius',
  hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  holidays: ['2026-12-24'],
});

// December 2026 in Vilnius is UTC+02:00; 2026-12-18 is a Friday.
const at = (local: string) => new Date(`${local}+02:00`);

describe('due', () => {
  it('starts at the next opening: Friday 17:30 + 60 min is Monday 10:00', () => {
    expect(due(vilnius, at('2026-12-18T17:30:00'), 60)).toEqual(at('2026-12-21T10:00:00'));
  });

  it('skips a holiday as a whole local day', () => {
    expect(due(vilnius, at('2026-12-23T16:30:00'), 60)).toEqual(at('2026-12-25T09:30:00'));
  });

  it('skips the lunch break', () => {
    expect(due(vilnius, at('2026-12-21T11:30:00'), 60)).toEqual(at('2026-12-21T13:30:00'));
  });

  it('gives the next interval start when the last minute ends an interval', () => {
    expect(due(vilnius, at('2026-12-21T09:00:00'), 180)).toEqual(at('2026-12-21T13:00:00'));
    expect(due(vilnius, at('2026-12-21T09:00:00'), 420)).toEqual(at('2026-12-22T09:00:00'));
    expect(due(vilnius, at('2026-12-18T16:00:00'), 60)).toEqual(at('2026-12-21T09:00:00'));
  });

  it('with 0 minutes gives the first business instant at or after the start', () => {
    expect(due(vilnius, at('2026-12-21T10:15:30'), 0)).toEqual(at('2026-12-21T10:15:30'));
    expect(due(vilnius, at('2026-12-21T09:00:00'), 0)).toEqual(at('2026-12-21T09:00:00'));
    expect(due(vilnius, at('2026-12-21T07:00:00'), 0)).toEqual(at('2026-12-21T09:00:00'));
    expect(due(vilnius, at('2026-12-21T12:00:00'), 0)).toEqual(at('2026-12-21T13:00:00'));
    expect(due(vilnius, at('2026-12-18T17:00:00'), 0)).toEqual(at('2026-12-21T09:00:00'));
  });

  it('keeps the seconds of a start inside working time', () => {
    expect(due(vilnius, at('2026-12-21T11:59:30.250'), 1)).toEqual(at('2026-12-21T13:00:30.250'));
  });

  it('rejects negative, fractional and over-a-year minute counts with a RangeError', () => {
    for (const minutes of [-1, 1.5, 525_601, Number.NaN]) {
      expect(() => due(vilnius, at('2026-12-21T09:00:00'), minutes)).toThrow(RangeError);
    }
    expect(() => due(vilnius, new Date('garbage'), 1)).toThrow(RangeError);
  });

  it('handles a full year of business minutes on a 24/7 calendar', () => {
    const always = parseCalendar({ timezone: 'UTC', hours: allWeek([['00:00', '24:00']]) });
    const from = new Date('2026-01-01T00:00:00Z');
    expect(due(always, from, 525_600)).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('gives up with a clear error when the calendar never opens', () => {
    const closed = parseCalendar({ timezone: 'Europe/Vilnius', hours: {} });
    expect(() => due(closed, at('2026-12-21T09:00:00'), 0)).toThrow(CalendarNeverOpensError);
    expect(() => due(closed, at('2026-12-21T09:00:00'), 0)).toThrow(/within 2 years/);
  });

  it('gives up when every open day is a holiday for more than two years', () => {
    const mondays = (count: number) =>
      Array.from({ length: count }, (_, k) => {
        return new Date(Date.UTC(2026, 0, 5 + 7 * k)).toISOString().slice(0, 10);
      });
    const hours = { mon: [['09:00', '10:00']] };
    const blocked = parseCalendar({ timezone: 'UTC', hours, holidays: mondays(160) });
    expect(() => due(blocked, new Date('2026-01-01T00:00:00Z'), 0)).toThrow(
      CalendarNeverOpensError,
    );
    const late = parseCalendar({ timezone: 'UTC', hours, holidays: mondays(90) });
    const opening = new Date(Date.UTC(2026, 0, 5 + 7 * 90, 9));
    expect(due(late, new Date('2026-01-01T00:00:00Z'), 0)).toEqual(opening);
  });
});

describe('elapsed', () => {
  it('counts only open time between two instants, across a weekend and a holiday', () => {
    expect(elapsed(vilnius, at('2026-12-18T16:00:00'), at('2026-12-21T10:00:00'))).toBe(120);
    expect(elapsed(vilnius, at('2026-12-23T16:00:00'), at('2026-12-25T10:00:00'))).toBe(120);
    expect(elapsed(vilnius, at('2026-12-21T11:00:00'), at('2026-12-21T14:00:00'))).toBe(120);
  });

  it('rounds partial minutes down and is 0 when the end is not after the start', () => {
    expect(elapsed(vilnius, at('2026-12-21T09:00:00'), at('2026-12-21T09:01:59.999'))).toBe(1);
    expect(elapsed(vilnius, at('2026-12-21T10:00:00'), at('2026-12-21T09:00:00'))).toBe(0);
    expect(elapsed(vilnius, at('2026-12-21T10:00:00'), at('2026-12-21T10:00:00'))).toBe(0);
  });

  it('is 0 across closed time only', () => {
    expect(elapsed(vilnius, at('2026-12-19T00:00:00'), at('2026-12-21T09:00:00'))).toBe(0);
  });
});

describe('isWorkingTime', () => {
  it('includes an interval start and excludes its end', () => {
    expect(isWorkingTime(vilnius, at('2026-12-21T09:00:00'))).toBe(true);
    expect(isWorkingTime(vilnius, at('2026-12-21T11:59:59.999'))).toBe(true);
    expect(isWorkingTime(vilnius, at('2026-12-21T12:00:00'))).toBe(false);
    expect(isWorkingTime(vilnius, at('2026-12-24T10:00:00'))).toBe(false);
  });
});

function allWeek(intervals: string[][]): Record<string, string[][]> {
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return Object.fromEntries(days.map((day) => [day, intervals]));
}
