/**
 * Calendar dates and wall-clock times as plain numbers: a local date is a day number (days since
 * 1970-01-01, the same numbering as UTC dates), a time of day is minutes after midnight.
 */
import { DAY_MS, WEEKDAYS, type Weekday } from './types';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Day number of a `YYYY-MM-DD` date, or `undefined` if the text is not a real date. */
export function dayNumberOf(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = utcMidnight(year, month, day);
  // Date rolls 2026-02-30 over to March; a real date survives the round trip.
  return formatDayNumber(ms / DAY_MS) === date ? ms / DAY_MS : undefined;
}

/** True when `date` is a real `YYYY-MM-DD` calendar date (2026-02-30 is not). */
export function isRealDate(date: string): boolean {
  return dayNumberOf(date) !== undefined;
}

/** The `YYYY-MM-DD` text of a day number. */
export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): Weekday {
  return WEEKDAYS[(((dayNumber + 3) % 7) + 7) % 7] as Weekday;
}

/** Minutes after midnight of an `HH:MM` time (`24:00` gives 1440), or `undefined` if malformed. */
export function minutesOf(time: string): number | undefined {
  const match = TIME_PATTERN.exec(time);
  if (!match) return undefined;
  return match[3] ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

/** The `HH:MM` text of minutes after midnight (1440 gives `24:00`). */
export function formatMinutes(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Milliseconds since the epoch of UTC midnight on a date; years below 100 are taken literally. */
export function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}
