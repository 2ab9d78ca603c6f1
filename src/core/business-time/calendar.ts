/**
 * Building `Calendar` values from the file format and back. Parsing validates with
 * `calendarSchema`; building from an already validated input only converts.
 */
import { calendarIssues, calendarSchema, type CalendarInput, type CalendarIssue } from './schema';
import { formatMinutes, minutesOf } from './local-date';
import { WEEKDAYS, type Calendar, type DayInterval, type Weekday } from './types';

/** Result of `safeParseCalendar`: the calendar, or the issues with their field paths. */
export type CalendarParseResult =
  | { readonly success: true; readonly calendar: Calendar }
  | { readonly success: false; readonly issues: readonly CalendarIssue[] };

/** Thrown by `parseCalendar`; `issues` name the offending fields. */
export class CalendarValidationError extends Error {
  /** Wraps the issues; the message shows the first one as `path: message`. */
  constructor(readonly issues: readonly CalendarIssue[]) {
    const first = issues[0];
    super(first ? `calendar ${first.path || '(root)'}: ${first.message}` : 'invalid calendar');
    this.name = 'CalendarValidationError';
  }
}

/** Builds a frozen calendar from an input that already passed `calendarSchema`. */
export function calendarFromInput(input: CalendarInput): Calendar {
  const hours = {} as Record<Weekday, readonly DayInterval[]>;
  for (const day of WEEKDAYS) {
    const intervals = (input.hours[day] ?? []).map(([start, end]) =>
      Object.freeze({ start: minutesOf(start) ?? NaN, end: minutesOf(end) ?? NaN }),
    );
    if (intervals.some((i) => !(i.start < i.end))) {
      throw new RangeError(`calendar hours.${day}: not validated by calendarSchema`);
    }
    hours[day] = Object.freeze(intervals.sort((a, b) => a.start - b.start));
  }
  return Object.freeze({
    timezone: input.timezone,
    hours: Object.freeze(hours),
    holidays: new Set(input.holidays ?? []),
  });
}

/** Validates and builds a calendar from parsed JSON; returns the issues instead of throwing. */
export function safeParseCalendar(json: unknown): CalendarParseResult {
  const result = calendarSchema.safeParse(json);
  if (!result.success) return { success: false, issues: calendarIssues(result.error) };
  return { success: true, calendar: calendarFromInput(result.data) };
}

/** Validates and builds a calendar from parsed JSON; throws `CalendarValidationError`. */
export function parseCalendar(json: unknown): Calendar {
  const result = safeParseCalendar(json);
  if (!result.success) throw new CalendarValidationError(result.issues);
  return result.calendar;
}

/** The file-format form of a calendar (closed days omitted, holidays sorted). */
export function calendarToInput(calendar: Calendar): CalendarInput {
  const hours: CalendarInput['hours'] = {};
  for (const day of WEEKDAYS) {
    const intervals = calendar.hours[day];
    if (intervals.length > 0) {
      hours[day] = intervals.map((i) => [formatMinutes(i.start), formatMinutes(i.end)]);
    }
  }
  return { timezone: calendar.timezone, hours, holidays: [...calendar.holidays].sort() };
}
