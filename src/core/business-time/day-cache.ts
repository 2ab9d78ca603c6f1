/**
 * The open intervals of each local date as UTC instants, computed once per calendar and date.
 * The clock walks these arrays day by day, so its cost is a Map lookup per day plus a few
 * comparisons per interval; Intl is only read the first time a zone meets a date.
 */
import { dayNumberOf, weekdayOf } from './local-date';
import { zoneClockFor, type ZoneClock } from './time-zone';
import { DAY_MS, MINUTE_MS, type Calendar } from './types';

const NO_INTERVALS: Float64Array = new Float64Array(0);

/** Open intervals of one local date: `[start0, end0, start1, end1, …]` in epoch ms, sorted. */
export type OpenIntervals = Float64Array;

/** Per-calendar cache of open intervals by local day number (days since 1970-01-01). */
export class DayCache {
  private readonly days = new Map<number, OpenIntervals>();
  private readonly zone: ZoneClock;
  private readonly holidays = new Set<number>();

  /** Creates an empty cache for `calendar`. */
  constructor(private readonly calendar: Calendar) {
    this.zone = zoneClockFor(calendar.timezone);
    for (const date of calendar.holidays) {
      const day = dayNumberOf(date);
      if (day !== undefined) this.holidays.add(day);
    }
  }

  /** Open intervals of the local date `dayNumber`, empty when closed. */
  day(dayNumber: number): OpenIntervals {
    let intervals = this.days.get(dayNumber);
    if (intervals === undefined) {
      intervals = this.build(dayNumber);
      this.days.set(dayNumber, intervals);
    }
    return intervals;
  }

  private build(dayNumber: number): OpenIntervals {
    const hours = this.calendar.hours[weekdayOf(dayNumber)];
    if (hours.length === 0 || this.holidays.has(dayNumber)) {
      return NO_INTERVALS;
    }
    const midnight = dayNumber * DAY_MS;
    const spans: [number, number][] = [];
    for (const { start, end } of hours) {
      const from = this.zone.toUtc(midnight + start * MINUTE_MS);
      const to = this.zone.toUtc(midnight + end * MINUTE_MS);
      // A start in a spring-forward gap moves forward by the gap and can pass its own end.
      if (to > from) spans.push([from, to]);
    }
    return mergeSpans(spans);
  }
}

/** Sorts spans and joins those that overlap or touch (gap shifts can make them overlap). */
function mergeSpans(spans: [number, number][]): OpenIntervals {
  if (spans.length === 0) return NO_INTERVALS;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [from, to] of spans) {
    const last = merged.length - 1;
    if (last > 0 && from <= (merged[last] as number)) {
      merged[last] = Math.max(merged[last] as number, to);
    } else {
      merged.push(from, to);
    }
  }
  return Float64Array.from(merged);
}

const caches = new WeakMap<Calendar, DayCache>();

/** The cache belonging to `calendar`, created on first use and dropped with the calendar. */
export function dayCacheFor(calendar: Calendar): DayCache {
  let cache = caches.get(calendar);
  if (cache === undefined) {
    cache = new DayCache(calendar);
    caches.set(calendar, cache);
  }
  return cache;
}
