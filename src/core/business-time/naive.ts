/**
 * A deliberately naive `due`: it walks forward one minute at a time and asks Intl for the local
 * date of every minute. It shares no interval arithmetic with `due`, so tests use it as an
 * oracle and the benchmark as a baseline. Far too slow for production use.
 */
import { checkBusinessMinutes, instantOf } from './clock';
import { formatDayNumber, utcMidnight, weekdayOf } from './local-date';
import { zoneOffsetAt } from './time-zone';
import {
  CalendarNeverOpensError,
  DAY_MS,
  MINUTE_MS,
  SEARCH_LIMIT_DAYS,
  type Calendar,
} from './types';

/** Same contract as `due`, computed minute by minute. */
export function naiveDue(calendar: Calendar, from: Date, minutes: number): Date {
  let t = instantOf(from, 'from');
  checkBusinessMinutes(minutes);
  const localDate = new Intl.DateTimeFormat('en-US', {
    timeZone: calendar.timezone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const edges = new Map<number, [number, number][]>(); // only to spare Intl, not to skip minutes
  const spansOf = (day: number) => {
    let spans = edges.get(day);
    if (spans === undefined) {
      spans = naiveSpans(calendar, day);
      edges.set(day, spans);
    }
    return spans;
  };
  let remaining = minutes * MINUTE_MS;
  let closedMinutes = 0;
  for (;;) {
    // Step to the next whole UTC minute, so a start with seconds first finishes its minute.
    const step = MINUTE_MS - (((t % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
    const day = dayNumberAt(localDate, t);
    // An interval of the previous date can spill past local midnight (a 24:00 end in a gap).
    const open = [...spansOf(day - 1), ...spansOf(day)].some(([s, e]) => s <= t && t < e);
    if (open) {
      if (remaining < step) return new Date(t + remaining); // with 0 left: t itself
      remaining -= step;
      closedMinutes = 0;
    } else if (++closedMinutes > SEARCH_LIMIT_DAYS * 1440) {
      throw new CalendarNeverOpensError(from);
    }
    t += step;
  }
}

function dayNumberAt(formatter: Intl.DateTimeFormat, t: number): number {
  const parts = Object.fromEntries(formatter.formatToParts(t).map((p) => [p.type, p.value]));
  return utcMidnight(Number(parts.year), Number(parts.month), Number(parts.day)) / DAY_MS;
}

/** The open spans of a local date in UTC, one per configured interval, unmerged. */
function naiveSpans(calendar: Calendar, day: number): [number, number][] {
  if (calendar.holidays.has(formatDayNumber(day))) return [];
  return calendar.hours[weekdayOf(day)].map(({ start, end }) => [
    naiveWallToUtc(calendar.timezone, day * DAY_MS + start * MINUTE_MS),
    naiveWallToUtc(calendar.timezone, day * DAY_MS + end * MINUTE_MS),
  ]);
}

/** Earliest instant showing the wall time; in a gap, the smaller (pre-jump) offset is used. */
function naiveWallToUtc(timeZone: string, localMs: number): number {
  const offsets = [localMs - DAY_MS, localMs + DAY_MS].map((t) => zoneOffsetAt(timeZone, t));
  const readings = offsets
    .filter((offset) => zoneOffsetAt(timeZone, localMs - offset) === offset)
    .map((offset) => localMs - offset);
  return readings.length > 0 ? Math.min(...readings) : localMs - Math.min(...offsets);
}
