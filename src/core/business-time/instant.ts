/**
 * ISO 8601 instants at the edges (CLI arguments, printed due times). An instant must carry its
 * zone (`Z` or an offset): a bare local time would silently mean the machine's zone.
 */
import { dayNumberOf } from './local-date';
import { DAY_MS, MINUTE_MS } from './types';

const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * Parses an ISO 8601 instant with `Z` or an offset (`+02:00`, `+0200`, `+02`), optional seconds
 * and fraction; returns `undefined` for anything else, including a time without a zone.
 * Fractions finer than a millisecond are truncated.
 * @example parseInstant('2026-03-27T17:30:00+02:00')?.toISOString() // '2026-03-27T15:30:00.000Z'
 */
export function parseInstant(text: string): Date | undefined {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return undefined;
  const [, date = '', hh, mm, ss = '0', fraction = '', zulu, sign, offH = '0', offM = '0'] = match;
  const day = dayNumberOf(date);
  const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss)];
  const [offsetHours, offsetMinutes] = [Number(offH), Number(offM)];
  if (day === undefined || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = day * DAY_MS + (hours * 60 + minutes) * MINUTE_MS + seconds * 1000 + millis;
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return new Date(wall - offset * MINUTE_MS);
}

/** Formats an instant as `YYYY-MM-DDTHH:MM:SSZ` in UTC; milliseconds are dropped, not rounded. */
export function formatInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
