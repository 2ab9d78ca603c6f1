import {
  calendarFromInput,
  due,
  type Calendar,
  type CalendarInput,
} from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  calendarInUse,
  deleteCalendarRow,
  findCalendar,
  insertCalendar,
  listCalendars,
  updateCalendarRow,
  type CalendarRow,
} from '../../db/repositories/promises';
import { AppError, invalid, notFound } from '../../errors';
import { presentCalendar, type CalendarView } from '../../presenters/promises';
import type { Actor } from '../actor';
import { checkVersion } from '../versioning';
import { retimeClocksOnCalendar } from './clocks';

const allDay: [string, string][] = [['00:00', '24:00']];
/** Round the clock, every day: the calendar of a target that names none. */
export const roundTheClock: Calendar = calendarFromInput({
  timezone: 'UTC',
  hours: {
    mon: allDay,
    tue: allDay,
    wed: allDay,
    thu: allDay,
    fri: allDay,
    sat: allDay,
    sun: allDay,
  },
  holidays: [],
});

// Compiled calendars by id and version: the clock caches per calendar object, so reuse them.
const compiled = new Map<string, Calendar>();

/** The core calendar of a stored one (compiled once per version). */
export function compileCalendar(row: Pick<CalendarRow, 'id' | 'version' | 'definition'>): Calendar {
  const key = `${row.id}:${row.version}`;
  let calendar = compiled.get(key);
  if (!calendar) {
    if (compiled.size > 1000) compiled.clear();
    calendar = calendarFromInput(row.definition);
    compiled.set(key, calendar);
  }
  return calendar;
}

/** The calendar a target runs on, from calendars already loaded (round the clock when none). */
export function calendarAmong(
  loaded: readonly Pick<CalendarRow, 'id' | 'version' | 'definition'>[],
  id: string | null,
): Calendar {
  if (id === null) return roundTheClock;
  const row = loaded.find((c) => c.id === id);
  if (!row) throw new AppError('rule_violated', `calendar ${id} no longer exists`);
  return compileCalendar(row);
}

/** The calendar a target runs on: a stored one, or round the clock when none is named. */
export async function calendarFor(
  db: Executor,
  orgId: string,
  id: string | null,
): Promise<Calendar> {
  if (id === null) return roundTheClock;
  const row = await findCalendar(db, orgId, id);
  if (!row) throw new AppError('rule_violated', `calendar ${id} no longer exists`);
  return compileCalendar(row);
}

/** Creates a calendar (the definition is already validated by the calendar schema). */
export async function createCalendar(
  db: Executor,
  actor: Actor,
  input: { name: string; definition: CalendarInput },
): Promise<CalendarView> {
  return db.transaction(async (tx) => {
    const row = await insertCalendar(tx, { orgId: actor.orgId, ...input });
    const view = presentCalendar(row);
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'calendar',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/** A calendar, presented. */
export async function getCalendar(db: Executor, actor: Actor, id: string): Promise<CalendarView> {
  const row = await findCalendar(db, actor.orgId, id);
  if (!row) throw notFound('calendar');
  return presentCalendar(row);
}

/** The organization's calendars. */
export async function calendarList(db: Executor, actor: Actor): Promise<CalendarView[]> {
  return (await listCalendars(db, actor.orgId)).map(presentCalendar);
}

/** Changes a calendar and re-times the open clocks that run on it, in one transaction. */
export async function updateCalendar(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  input: { name?: string; definition?: CalendarInput },
  expectedVersion?: number,
): Promise<CalendarView> {
  return db.transaction(async (tx) => {
    const before = await findCalendar(tx, actor.orgId, id);
    if (!before) throw notFound('calendar');
    checkVersion('calendar', before.version, expectedVersion);
    const after = await updateCalendarRow(tx, actor.orgId, id, {
      ...input,
      updatedAt: clock.now(),
    });
    if (input.definition) await retimeClocksOnCalendar(tx, clock, actor.orgId, id);
    const view = presentCalendar(after!);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'calendar',
      entityId: id,
      before: presentCalendar(before),
      after: view,
    });
    return view;
  });
}

/** Deletes a calendar no policy and no open clock uses (409 otherwise). */
export async function deleteCalendar(db: Executor, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findCalendar(tx, actor.orgId, id);
    if (!before) throw notFound('calendar');
    if (await calendarInUse(tx, actor.orgId, id)) {
      throw new AppError(
        'conflict',
        'a promise policy or an open clock uses this calendar; change them first',
      );
    }
    await deleteCalendarRow(tx, actor.orgId, id);
    await appendAudit(tx, actor, {
      action: 'delete',
      entityType: 'calendar',
      entityId: id,
      before: presentCalendar(before),
    });
  });
}

/** "Arriving at `from`, `minutes` business minutes end at …" on a calendar (stored or proposed). */
export function previewDue(calendar: Calendar, from: Date, minutes: number): Date {
  try {
    return due(calendar, from, minutes);
  } catch (err) {
    throw invalid('minutes', err instanceof Error ? err.message : 'cannot be computed');
  }
}

/** Preview on a stored calendar. */
export async function previewCalendar(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  from: Date | undefined,
  minutes: number,
) {
  const row = await findCalendar(db, actor.orgId, id);
  if (!row) throw notFound('calendar');
  const at = from ?? clock.now();
  return {
    from: at.toISOString(),
    minutes,
    dueAt: previewDue(compileCalendar(row), at, minutes).toISOString(),
  };
}

/**
 * Preview on a calendar that is not saved yet (the settings page's live preview while editing):
 * the definition has passed the calendar schema; nothing is read or written.
 */
export function previewProposedCalendar(
  clock: Clock,
  definition: CalendarInput,
  from: Date | undefined,
  minutes: number,
) {
  const at = from ?? clock.now();
  return {
    from: at.toISOString(),
    minutes,
    dueAt: previewDue(calendarFromInput(definition), at, minutes).toISOString(),
  };
}
