/**
 * UTC offsets of an IANA time zone, read from `Intl`, and wall-clock → UTC conversion.
 * Wall-clock times are carried as "local milliseconds": the wall time read as if it were UTC.
 * `Intl.DateTimeFormat` is slow, so `ZoneClock` caches what it reads.
 */
import { utcMidnight } from './local-date';
import { DAY_MS } from './types';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms (local = UTC + offset). Uncached. */
export function zoneOffsetAt(timeZone: string, utcMs: number): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(utcMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const wall = utcMidnight(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000;
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/**
 * UTC instant of a wall-clock time, uncached. An ambiguous time (clocks turned back) means its
 * earlier instant; a time in a gap (clocks turned forward) is read with the offset from before
 * the jump, which carries it forward by the gap (03:30 in a 03:00→04:00 gap becomes 04:30).
 */
export function wallToUtc(timeZone: string, localMs: number): number {
  const before = zoneOffsetAt(timeZone, localMs - DAY_MS);
  const early = localMs - before;
  if (zoneOffsetAt(timeZone, early) === before) return early;
  const after = zoneOffsetAt(timeZone, localMs + DAY_MS);
  const late = localMs - after;
  if (zoneOffsetAt(timeZone, late) === after) return late;
  return early;
}

// Bounds a zone's offset cache (about 55 years of days); past it the cache starts afresh.
const MAX_CACHED_MIDNIGHTS = 20_000;

/** Wall-clock → UTC conversion for one zone, caching the offset at each UTC midnight it reads. */
export class ZoneClock {
  private readonly midnightOffsets = new Map<number, number>();

  /** Creates a converter for a time zone `Intl` knows (throws RangeError otherwise). */
  constructor(readonly timeZone: string) {
    formatterFor(timeZone);
  }

  /** UTC instant of a wall-clock time, same rules as `wallToUtc`, usually without touching Intl. */
  toUtc(localMs: number): number {
    const day = Math.floor(localMs / DAY_MS);
    // Offsets stay within ±14 h, so every reading of this wall time lies between UTC midnight of
    // the day before and of the day after next; one offset at all four means no transition here.
    const offset = this.offsetAtMidnight(day - 1);
    if (
      this.offsetAtMidnight(day) === offset &&
      this.offsetAtMidnight(day + 1) === offset &&
      this.offsetAtMidnight(day + 2) === offset
    ) {
      return localMs - offset;
    }
    return wallToUtc(this.timeZone, localMs);
  }

  private offsetAtMidnight(utcDay: number): number {
    let offset = this.midnightOffsets.get(utcDay);
    if (offset === undefined) {
      offset = zoneOffsetAt(this.timeZone, utcDay * DAY_MS);
      if (this.midnightOffsets.size >= MAX_CACHED_MIDNIGHTS) this.midnightOffsets.clear();
      this.midnightOffsets.set(utcDay, offset);
    }
    return offset;
  }
}

const clocks = new Map<string, ZoneClock>();

/**
 * The shared ZoneClock of a zone: offsets belong to the zone, not to a calendar, so calendars
 * rebuilt per request in the same zone reuse them. One clock per distinct zone name.
 */
export function zoneClockFor(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new ZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone: the one rule for "today" and the
 * day a receipt, donation or level window is dated by.
 * @example localDate(new Date('2026-12-31T23:30:00Z'), 'Europe/Vilnius') // "2027-01-01"
 */
export function localDate(at: Date, timeZone: string): string {
  // The wall clock there, read as a date — from the zone's one cached formatter: building an
  // Intl.DateTimeFormat per call took ~110 µs here, the cached one's formatToParts ~9 µs.
  const ms = at.getTime();
  return new Date(ms + zoneOffsetAt(timeZone, ms)).toISOString().slice(0, 10);
}

/** The calendar year of an instant in a time zone (the year of its `localDate`). */
export const yearIn = (at: Date, timeZone: string): number =>
  Number(localDate(at, timeZone).slice(0, 4));
