import { describe, expect, it } from 'vitest';
import { localDate, yearIn } from './time-zone';

describe('localDate and yearIn', () => {
  it("reads today's date in the organization's time zone", () => {
    const at = new Date('2026-12-31T23:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2026-12-31');
    expect(localDate(at, 'Europe/Vilnius')).toBe('2027-01-01');
    expect(localDate(at, 'America/Chicago')).toBe('2026-12-31');
  });

  it('turns the day at local midnight, not at UTC midnight', () => {
    // Vilnius is UTC+2 in winter: its 1 January starts at 22:00 UTC on 31 December.
    expect(localDate(new Date('2026-12-31T21:59:59Z'), 'Europe/Vilnius')).toBe('2026-12-31');
    expect(localDate(new Date('2026-12-31T22:00:00Z'), 'Europe/Vilnius')).toBe('2027-01-01');
    expect(yearIn(new Date('2026-12-31T21:59:59Z'), 'Europe/Vilnius')).toBe(2026);
    expect(yearIn(new Date('2026-12-31T22:00:00Z'), 'Europe/Vilnius')).toBe(2027);
    // West of UTC the local day is still the old one after UTC midnight.
    expect(localDate(new Date('2027-01-01T05:59:00Z'), 'America/Chicago')).toBe('2026-12-31');
    expect(yearIn(new Date('2027-01-01T05:59:00Z'), 'America/Chicago')).toBe(2026);
  });

  it('equals the date Intl formats there, at every hour of two years in zones with odd offsets and daylight saving', () => {
    const zones = [
      'UTC',
      'Europe/Vilnius',
      'America/Chicago',
      'Asia/Kathmandu', // +05:45
      'Australia/Lord_Howe', // half-hour daylight saving
      'Pacific/Chatham', // +12:45 / +13:45
      'America/St_Johns', // -03:30 / -02:30
      'Pacific/Kiritimati', // +14
    ];
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000 + 60_000) {
        const at = new Date(t);
        expect(localDate(at, timeZone), `${at.toISOString()} in ${timeZone}`).toBe(intl.format(at));
      }
    }
  });

  it('refuses a time zone that does not exist, as Intl does', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
