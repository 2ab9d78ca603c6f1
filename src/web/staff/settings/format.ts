import { languageName, localeOf } from '../../format';
import type { Weekday } from './api';

export { languageName, localeOf };

// Intl formatters are costly to build: keep one per language and options.
const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(language), options);
    cache.set(key, f);
  }
  return f;
}

// 2024-01-01 was a Monday.
const weekdayIndex: Record<Weekday, number> = {
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
};

/** "Monday" / "lunes" / "pirmadienis" / "понеділок". */
export function weekdayName(day: Weekday, language: string, width: 'long' | 'short' = 'long') {
  const name = dateFormat(language, { weekday: width, timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + weekdayIndex[day]),
  );
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** A calendar date `YYYY-MM-DD` in the language ("Thursday, 24 December 2026"). */
export function formatDay(date: string, language: string, style: 'full' | 'medium' = 'full') {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** An instant as weekday, date and time in a time zone ("Friday 27 November, 17:30"). */
export function formatMoment(iso: string | Date, language: string, timeZone?: string) {
  return dateFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** An instant as a short date and time ("24/12/2026, 09:00"), or the placeholder. */
export function formatWhen(iso: string | null, language: string, none = '—') {
  if (!iso) return none;
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Minutes as hours and minutes in words: "1 hour, 30 minutes" / "1 valanda, 30 minučių". */
export function formatDuration(minutes: number, language: string) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = (value: number, u: 'hour' | 'minute') =>
    new Intl.NumberFormat(localeOf(language), {
      style: 'unit',
      unit: u,
      unitDisplay: 'long',
    }).format(value);
  const parts = [h > 0 ? unit(h, 'hour') : '', m > 0 || h === 0 ? unit(m, 'minute') : ''];
  return new Intl.ListFormat(localeOf(language), { style: 'narrow', type: 'unit' }).format(
    parts.filter(Boolean),
  );
}

/** Every IANA time zone this browser knows. */
export function timeZones(): string[] {
  const withSupported = Intl as { supportedValuesOf?: (key: string) => string[] };
  return withSupported.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Vilnius'];
}

/** The parts of an instant as a wall clock in a time zone. */
function wallClock(at: number, timeZone: string) {
  const parts = dateFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** `YYYY-MM-DDTHH:MM` as a wall clock in `timeZone` → the instant (the later one in a DST gap). */
export function zonedToInstant(local: string, timeZone: string): Date {
  const [date, time = '00:00'] = local.split('T');
  const [y, mo, d] = (date ?? '').split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  let at = asUtc;
  // Two rounds settle the offset, also across a DST change.
  for (let i = 0; i < 2; i++) {
    const w = wallClock(at, timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    at = at - (shown - asUtc);
  }
  return new Date(at);
}

/** An instant as `YYYY-MM-DDTHH:MM` on the wall clock of `timeZone`. */
export function instantToZoned(at: Date, timeZone: string): string {
  const w = wallClock(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The weekday key of a wall-clock date `YYYY-MM-DD`. */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return (Object.keys(weekdayIndex) as Weekday[])[index]!;
}
