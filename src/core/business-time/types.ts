/**
 * The business calendar as the clock uses it, and the limits the clock enforces.
 * A calendar is built once (see `calendarFromInput`) and then treated as immutable: the clock
 * caches per calendar object, so mutating one after first use would serve stale answers.
 */

/** Days of the week in calendar-file order, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day of the week as written in the calendar file. */
export type Weekday = (typeof WEEKDAYS)[number];

/** One working interval in local wall-clock minutes after midnight; `end` may be 1440 (24:00). */
export interface DayInterval {
  readonly start: number;
  readonly end: number;
}

/** A business calendar: time zone, working intervals per weekday, whole-day holidays. */
export interface Calendar {
  /** IANA time zone name, e.g. `Europe/Vilnius`. */
  readonly timezone: string;
  /** Working intervals per weekday, sorted and non-overlapping; an empty list means closed. */
  readonly hours: Readonly<Record<Weekday, readonly DayInterval[]>>;
  /** Local dates (`YYYY-MM-DD`) on which the calendar is closed all day. */
  readonly holidays: ReadonlySet<string>;
}

/** The largest business-minute span `due` accepts: one year of round-the-clock time. */
export const MAX_BUSINESS_MINUTES = 525_600;

/** How far `due` searches past the last working time before giving up (about two years). */
export const SEARCH_LIMIT_DAYS = 731;

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;

/** Milliseconds in a (UTC or wall-clock) day. */
export const DAY_MS = 86_400_000;

/** Thrown by `due` when a calendar has no working time for about two years after the start. */
export class CalendarNeverOpensError extends Error {
  /** Builds the error for a search that started at `from`. */
  constructor(from: Date) {
    super(`calendar has no working time within 2 years after ${from.toISOString()}`);
    this.name = 'CalendarNeverOpensError';
  }
}
