import type { CalendarRow, ClockRow, PolicyRow } from '../db/repositories/promises';

/** A calendar as the API shows it. */
export function presentCalendar(c: CalendarRow) {
  return {
    id: c.id,
    name: c.name,
    timezone: c.definition.timezone,
    hours: c.definition.hours,
    holidays: c.definition.holidays ?? [],
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
/** A presented calendar. */
export type CalendarView = ReturnType<typeof presentCalendar>;

/** A promise policy as staff see it. */
export function presentPolicy(p: PolicyRow) {
  return {
    id: p.id,
    subjectType: p.subjectType,
    name: p.name,
    description: p.description,
    position: p.position,
    active: p.active,
    conditions: p.conditions,
    targets: p.targets,
    thanks: p.thanks ? { method: p.thanks.method, by: p.thanks.by ?? null } : null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
/** A presented policy. */
export type PolicyView = ReturnType<typeof presentPolicy>;

/** A promise clock as staff see it. */
export function presentClock(c: ClockRow) {
  return {
    id: c.id,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    target: c.target,
    policyId: c.policyId,
    minutes: c.minutes,
    calendarId: c.calendarId,
    state: c.state,
    dueAt: c.dueAt?.toISOString() ?? null,
    startedAt: c.startedAt.toISOString(),
    fulfilledAt: c.fulfilledAt?.toISOString() ?? null,
    breachedAt: c.breachedAt?.toISOString() ?? null,
    kept: c.kept,
    usedMinutes: c.usedMinutes,
    overrunMinutes: c.overrunMinutes,
  };
}
/** A presented clock. */
export type ClockView = ReturnType<typeof presentClock>;
