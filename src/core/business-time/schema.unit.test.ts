import { describe, expect, it } from 'vitest';
import {
  CalendarValidationError,
  calendarToInput,
  parseCalendar,
  safeParseCalendar,
} from './index';

const valid = {
  timezone: 'Europe/Vilnius',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  holidays: ['2026-12-24'],
};

/** The issues of an input that must fail, as `path: message` lines. */
function issuesOf(input: unknown): string[] {
  const result = safeParseCalendar(input);
  if (result.success) throw new Error('expected the calendar to be rejected');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

function withHours(hours: unknown): unknown {
  return { ...valid, hours };
}

describe('parseCalendar', () => {
  it('accepts the documented example and keeps intervals in minutes', () => {
    const calendar = parseCalendar(valid);
    expect(calendar.timezone).toBe('Europe/Vilnius');
    expect(calendar.hours.tue).toEqual([
      { start: 540, end: 720 },
      { start: 780, end: 1020 },
    ]);
    expect(calendar.hours.sun).toEqual([]);
    expect([...calendar.holidays]).toEqual(['2026-12-24']);
  });

  it('accepts 24:00 as an end, touching intervals, and a missing holidays list', () => {
    const calendar = parseCalendar({
      timezone: 'UTC',
      hours: {
        sat: [
          ['22:00', '24:00'],
          ['00:00', '06:00'],
          ['06:00', '07:00'],
        ],
      },
    });
    expect(calendar.hours.sat.map((i) => [i.start, i.end])).toEqual([
      [0, 360],
      [360, 420],
      [1320, 1440],
    ]);
    expect(calendar.holidays.size).toBe(0);
  });

  it('round-trips through calendarToInput', () => {
    expect(calendarToInput(parseCalendar(valid))).toEqual(valid);
  });

  it('names the time zone field when Intl does not know the zone', () => {
    expect(issuesOf({ ...valid, timezone: 'Mars/Olympus_Mons' })).toEqual([
      'timezone: unknown time zone',
    ]);
  });

  it('names unknown keys at their own path, at the root and among the days', () => {
    expect(issuesOf({ ...valid, owner: 'x' })).toEqual(['owner: unknown key']);
    expect(issuesOf(withHours({ monday: [] }))).toEqual(['hours.monday: unknown key']);
  });

  it('names the interval item for a malformed time', () => {
    for (const bad of ['9:00', '25:00', '12:60', '24:30', 'noon']) {
      expect(issuesOf(withHours({ wed: [['08:00', bad]] }))).toEqual([
        'hours.wed.0.1: must be a time HH:MM from 00:00 to 24:00',
      ]);
    }
  });

  it('rejects 24:00 as a start', () => {
    expect(issuesOf(withHours({ fri: [['24:00', '24:00']] }))).toEqual([
      'hours.fri.0.0: 24:00 can only end an interval',
    ]);
  });

  it('names the interval that is reversed or empty', () => {
    expect(
      issuesOf(
        withHours({
          thu: [
            ['09:00', '10:00'],
            ['17:00', '09:00'],
          ],
        }),
      ),
    ).toEqual(['hours.thu.1: interval must end after it starts']);
    expect(issuesOf(withHours({ thu: [['09:00', '09:00']] }))).toEqual([
      'hours.thu.0: interval must end after it starts',
    ]);
  });

  it('names the later of two overlapping intervals', () => {
    expect(
      issuesOf(
        withHours({
          tue: [
            ['09:00', '12:00'],
            ['11:00', '17:00'],
          ],
        }),
      ),
    ).toEqual(['hours.tue.1: intervals overlap']);
    expect(
      issuesOf(
        withHours({
          tue: [
            ['13:00', '17:00'],
            ['08:00', '14:00'],
          ],
        }),
      ),
    ).toEqual(['hours.tue.1: intervals overlap']);
  });

  it('names the holiday that is not a real date', () => {
    expect(issuesOf({ ...valid, holidays: ['2026-12-24', '2026-02-30'] })).toEqual([
      'holidays.1: not a real date',
    ]);
    expect(issuesOf({ ...valid, holidays: ['24.12.2026'] })).toEqual([
      'holidays.0: must be a date YYYY-MM-DD',
    ]);
  });

  it('throws a CalendarValidationError whose message names the field', () => {
    expect(() =>
      parseCalendar(
        withHours({
          tue: [
            ['09:00', '12:00'],
            ['11:00', '17:00'],
          ],
        }),
      ),
    ).toThrow(CalendarValidationError);
    expect(() => parseCalendar({ ...valid, timezone: 'Nowhere/Town' })).toThrow(
      'calendar timezone: unknown time zone',
    );
  });

  it('rejects a body that is not an object or misses required fields', () => {
    expect(issuesOf('nope')[0]).toMatch(/^: /);
    expect(issuesOf({ hours: {} })[0]).toMatch(/^timezone: /);
    expect(issuesOf({ timezone: 'UTC' })[0]).toMatch(/^hours: /);
  });
});
