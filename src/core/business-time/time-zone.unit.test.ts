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
});
