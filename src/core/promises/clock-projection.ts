/**
 * A promise clock is its event log; everything else is computed from it here. Business time runs
 * only between `started`/`resumed` and the next `paused`/`fulfilled`/`cancelled`; the due time is
 * the instant the remaining business minutes run out after the last resume.
 */
import { dueAfterMs, elapsedMs, type Calendar } from '../business-time';

const MINUTE_MS = 60_000;
type Stretch = { since: Date; usedBefore: number };
import type { ClockEventType, ClockState } from '../../shared/promises';

/** One entry of a clock's log. */
export type ClockEvent = { type: ClockEventType; at: Date };

/** What the clock promises: so many business minutes on a calendar. */
export type ClockTerms = { minutes: number; calendar: Calendar };

/** The clock as computed from its log at a moment. */
export type ClockProjection = {
  state: ClockState;
  /** When the promise is (or was) due; null while paused or cancelled. */
  dueAt: Date | null;
  /** Business minutes used so far (up to `now`, or up to the end). */
  usedMinutes: number;
  startedAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  fulfilledAt: Date | null;
  /** Kept: fulfilled before it was due and never breached. Null while undecided. */
  kept: boolean | null;
  /** Business minutes past the promise when it was fulfilled late (0 when kept). */
  overrunMinutes: number | null;
};

/**
 * Computes a clock from its events (in order) and its current terms, as of `now`.
 * @example projectClock([{ type: 'started', at }], { minutes: 60, calendar }, now).dueAt
 */
export function projectClock(
  events: readonly ClockEvent[],
  terms: ClockTerms,
  now: Date,
): ClockProjection {
  const limit = terms.minutes * MINUTE_MS;
  let used = 0; // business milliseconds of finished running stretches, never rounded
  let run: Stretch | null = null; // the stretch running now
  let lastRun: Stretch | null = null; // the last stretch, for a clock fulfilled while running
  let crossedAt: Date | null = null; // when the promised time ran out, if it did in a stretch
  let state: ClockState | null = null; // null until `started`
  let warnedAt: Date | null = null;
  let breachedAt: Date | null = null;
  let fulfilledAt: Date | null = null;
  let startedAt: Date | null = null;
  const begin = (at: Date) => (run = lastRun = { since: at, usedBefore: used });
  const stop = (at: Date) => {
    if (!run) return;
    const stretch = elapsedMs(terms.calendar, run.since, at);
    if (crossedAt === null && used + stretch >= limit)
      crossedAt = dueAfterMs(terms.calendar, run.since, limit - used);
    used += stretch;
    run = null;
  };
  for (const e of events) {
    if (state === 'fulfilled' || state === 'cancelled') break; // frozen
    if (state === null) {
      if (e.type !== 'started') continue; // nothing counts before the clock starts
      startedAt = e.at;
      state = 'running';
      begin(e.at);
    } else if (e.type === 'paused' && state === 'running') {
      stop(e.at);
      state = 'paused';
    } else if (e.type === 'resumed' && state === 'paused') {
      begin(e.at);
      state = 'running';
    } else if (e.type === 'warned') {
      warnedAt ??= e.at;
    } else if (e.type === 'breached') {
      breachedAt ??= e.at;
    } else if (e.type === 'fulfilled') {
      if (!run) lastRun = null; // fulfilled while paused: no due time was running
      stop(e.at);
      fulfilledAt = e.at;
      state = 'fulfilled';
    } else if (e.type === 'cancelled') {
      stop(e.at);
      state = 'cancelled';
    }
  }
  const open = run as Stretch | null;
  const crossed = crossedAt as Date | null;
  const dueOf = (r: Stretch) =>
    dueAfterMs(terms.calendar, r.since, Math.max(0, limit - r.usedBefore));
  let dueAt: Date | null = null;
  let usedMs = used;
  if (open && now > open.since) usedMs += elapsedMs(terms.calendar, open.since, now);
  if (state !== 'cancelled') {
    // Once the promised time has run out, that instant stays the due time, paused or not.
    if (crossed) dueAt = crossed;
    else if (open) dueAt = dueOf(open);
    else if (state === 'fulfilled' && lastRun) dueAt = dueOf(lastRun);
  }
  let kept: boolean | null = breachedAt ? false : null;
  let overrunMinutes: number | null = null;
  if (state === 'fulfilled') {
    kept = breachedAt === null && (crossed === null || fulfilledAt! <= crossed);
    overrunMinutes = Math.floor(Math.max(0, used - limit) / MINUTE_MS);
  }
  const current = state ?? 'cancelled';
  const shown: ClockState =
    breachedAt && (current === 'running' || current === 'paused') ? 'breached' : current;
  return {
    state: shown,
    dueAt,
    usedMinutes: Math.floor(usedMs / MINUTE_MS),
    startedAt,
    warnedAt,
    breachedAt,
    fulfilledAt,
    kept,
    overrunMinutes,
  };
}

/** When the warning should fire: `warnBefore` business-agnostic minutes before the due time. */
export function warningAt(dueAt: Date, warnBeforeMinutes: number): Date {
  return new Date(dueAt.getTime() - warnBeforeMinutes * 60_000);
}
