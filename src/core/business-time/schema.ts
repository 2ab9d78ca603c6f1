/**
 * The calendar file format (also the Calendars API body), validated with zod. Every rule reports
 * an issue whose path names the offending field, e.g. `hours.tue.1` for a day's second interval.
 */
import { z } from 'zod';
import { isRealDate, minutesOf } from './local-date';
import { WEEKDAYS } from './types';

// Creating an Intl.DateTimeFormat costs ~0.1 ms, so names already accepted are remembered
// (bounded, since a caller could send endless spellings of a valid name).
const knownZones = new Set<string>();

/** True when `Intl` knows `timeZone` as a time zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  if (knownZones.size < 5_000) knownZones.add(timeZone);
  return true;
}

const timeOfDay = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM from 00:00 to 24:00');

/** One working interval `[start, end]` in local `HH:MM`; `24:00` may only end one. */
const intervalSchema = z.tuple([timeOfDay, timeOfDay]).superRefine(([start, end], ctx) => {
  const [from, to] = [minutesOf(start), minutesOf(end)];
  if (from === undefined || to === undefined) return; // already reported by the tuple items
  if (from === 1440) {
    ctx.addIssue({ code: 'custom', message: '24:00 can only end an interval', path: [0] });
  } else if (to <= from) {
    ctx.addIssue({ code: 'custom', message: 'interval must end after it starts' });
  }
});

/** A day's working intervals; touching intervals are fine, overlapping ones are not. */
const dayHoursSchema = z.array(intervalSchema).superRefine((intervals, ctx) => {
  const parsed = intervals
    .map(([start, end], index) => ({ start: minutesOf(start), end: minutesOf(end), index }))
    .filter((i): i is { start: number; end: number; index: number } => {
      return i.start !== undefined && i.end !== undefined && i.start < i.end;
    })
    .sort((a, b) => a.start - b.start || a.index - b.index);
  for (let k = 1; k < parsed.length; k++) {
    const [previous, current] = [parsed[k - 1], parsed[k]];
    if (previous && current && current.start < previous.end) {
      const later = Math.max(previous.index, current.index);
      ctx.addIssue({ code: 'custom', message: 'intervals overlap', path: [later] });
    }
  }
});

const hoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema.optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<typeof dayHoursSchema>
  >,
);

const holidaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || isRealDate(date), 'not a real date');

/** zod schema of a calendar file / Calendars API body; the HTTP layer reuses it as is. */
export const calendarSchema = z.strictObject({
  timezone: z.string().refine(isKnownTimeZone, 'unknown time zone'),
  hours: hoursSchema,
  holidays: z.array(holidaySchema).optional(),
});

/** A calendar as written in the file format (the schema's output). */
export type CalendarInput = z.infer<typeof calendarSchema>;

/** One validation problem: a dotted field path (`hours.tue.1`, empty for the root) and a message. */
export interface CalendarIssue {
  readonly path: string;
  readonly message: string;
}

/** Flattens zod issues to dotted paths; an unknown key is reported at its own path. */
export function calendarIssues(error: z.ZodError): CalendarIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'unknown key' }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}
