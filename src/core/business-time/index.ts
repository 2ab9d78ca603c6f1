/**
 * The business-time clock: business calendars (time zone, weekly hours, holidays), their file
 * format, and due-time / elapsed-time arithmetic. Pure: no I/O, only zod and Intl.
 */
export {
  WEEKDAYS,
  MAX_BUSINESS_MINUTES,
  SEARCH_LIMIT_DAYS,
  CalendarNeverOpensError,
  type Weekday,
  type DayInterval,
  type Calendar,
} from './types';
export {
  calendarSchema,
  calendarIssues,
  isKnownTimeZone,
  type CalendarInput,
  type CalendarIssue,
} from './schema';
export {
  calendarFromInput,
  calendarToInput,
  parseCalendar,
  safeParseCalendar,
  CalendarValidationError,
  type CalendarParseResult,
} from './calendar';
export { due, dueAfterMs, elapsed, elapsedMs, isWorkingTime } from './clock';
export { naiveDue } from './naive';
export { parseInstant, formatInstant } from './instant';
export { localDate, yearIn } from './time-zone';
