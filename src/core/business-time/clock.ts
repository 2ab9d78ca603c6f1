/**
 * Business-time arithmetic: when N business minutes after an instant run out, and how many
 * business minutes lie between two instants. Business time is real elapsed time inside the
 * calendar's open intervals, so a daylight-saving day's interval is as long as it really lasts.
 */
import { dayCacheFor } from './day-cache';
import {
  CalendarNeverOpensError,
  DAY_MS,
  MAX_BUSINESS_MINUTES,
  MINUTE_MS,
  SEARCH_LIMIT_DAYS,
  type Calendar,
} from './types';

/** Epoch ms of a Date, or a RangeError naming the argument when it is an invalid Date. */
export function instantOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

/** Throws a RangeError unless `minutes` is a whole number from 0 to MAX_BUSINESS_MINUTES. */
export function checkBusinessMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_BUSINESS_MINUTES) {
    throw new RangeError(
      `minutes must be a whole number from 0 to ${MAX_BUSINESS_MINUTES}, got ${minutes}`,
    );
  }
}

// Offsets stay within ±14 h, so no local date before this one can be open at or after `ms`.
function firstDayReaching(ms: number): number {
  return Math.floor(ms / DAY_MS) - 2;
}

/**
 * The instant at which exactly `minutes` business minutes have elapsed after `from`. Starts at
 * the next opening when `from` is closed; when the last minute ends exactly at the end of an
 * interval the answer is the start of the next interval; 0 minutes gives the first business
 * instant at or after `from`. Throws CalendarNeverOpensError after ~2 years without working time.
 * @example due(calendar, new Date('2026-12-18T15:30:00Z'), 60) // Friday 17:30 Vilnius → Monday 10:00
 */
export function due(calendar: Calendar, from: Date, minutes: number): Date {
  checkBusinessMinutes(minutes);
  return dueAfterMs(calendar, from, minutes * MINUTE_MS);
}

/**
 * `due` to the millisecond: the instant at which `ms` milliseconds of business time have elapsed
 * after `from` (same conventions). Promise clocks use it so pauses never round time away.
 */
export function dueAfterMs(calendar: Calendar, from: Date, ms: number): Date {
  let cursor = instantOf(from, 'from');
  if (!(ms >= 0 && ms <= MAX_BUSINESS_MINUTES * MINUTE_MS)) {
    throw new RangeError(
      `business time must be 0 to ${MAX_BUSINESS_MINUTES} minutes, got ${ms} ms`,
    );
  }
  const cache = dayCacheFor(calendar);
  let remaining = ms;
  let day = firstDayReaching(cursor);
  let lastOpenDay = day + 2;
  for (;;) {
    const intervals = cache.day(day);
    for (let k = 0; k < intervals.length; k += 2) {
      const end = intervals[k + 1] as number;
      // `<=`: an interval ending at the cursor has nothing left, which also makes an exact
      // finish at an interval's end roll over to the next interval's start.
      if (end <= cursor) continue;
      const start = Math.max(intervals[k] as number, cursor);
      lastOpenDay = day;
      if (end - start > remaining) return new Date(start + remaining);
      remaining -= end - start;
      cursor = end;
    }
    if (day - lastOpenDay > SEARCH_LIMIT_DAYS) throw new CalendarNeverOpensError(from);
    day++;
  }
}

/** Whole business minutes in [from, to], rounded down; 0 when `to` is not after `from`. */
export function elapsed(calendar: Calendar, from: Date, to: Date): number {
  return Math.floor(elapsedMs(calendar, from, to) / MINUTE_MS);
}

/** Business time in [from, to] in milliseconds, unrounded; 0 when `to` is not after `from`. */
export function elapsedMs(calendar: Calendar, from: Date, to: Date): number {
  let cursor = instantOf(from, 'from');
  const stop = instantOf(to, 'to');
  if (stop <= cursor) return 0;
  const cache = dayCacheFor(calendar);
  let total = 0;
  // Local date `day` opens no earlier than UTC midnight of `day - 1`.
  for (let day = firstDayReaching(cursor); (day - 1) * DAY_MS < stop; day++) {
    const intervals = cache.day(day);
    for (let k = 0; k < intervals.length; k += 2) {
      const end = intervals[k + 1] as number;
      if (end <= cursor) continue;
      const start = intervals[k] as number;
      if (start >= stop) return total;
      const finish = Math.min(end, stop);
      total += finish - Math.max(start, cursor);
      cursor = finish;
    }
  }
  return total;
}

/** True when `at` lies inside an open interval (its start included, its end excluded). */
export function isWorkingTime(calendar: Calendar, at: Date): boolean {
  const ms = instantOf(at, 'at');
  const cache = dayCacheFor(calendar);
  for (let day = firstDayReaching(ms); day <= Math.floor(ms / DAY_MS) + 1; day++) {
    const intervals = cache.day(day);
    for (let k = 0; k < intervals.length; k += 2) {
      if ((intervals[k] as number) <= ms && ms < (intervals[k + 1] as number)) return true;
    }
  }
  return false;
}
