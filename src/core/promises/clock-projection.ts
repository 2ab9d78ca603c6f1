/**
 * A promise clock is its event log; everything else is computed from it here. Business time runs
 * only between `started`/`resumed` and the next `paused`/`fulfilled`/`cancelled`; the due time is
 * the instant the remaining business minutes run out after the last resume.
 */
import { due, elapsed, type Calendar } from '../business-time';
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
  let used = 0; // business minutes of finished running stretches
  let run: { since: Date; usedBefore: number } | null = null; // the stretch running now
  let lastRun: { since: Date; usedBefore: number } | null = null;
  let state: ClockState = 'running';
  let startedAt: Date | null = null;
  let warnedAt: Date | null = null;
  let breachedAt: Date | null = null;
  let fulfilledAt: Date | null = null;
  const stop = (at: Date) => {
    if (run) used += elapsed(terms.calendar, run.since, at);
    run = null;
  };
  for (const e of events) {
    if (state === 'fulfilled' || state === 'cancelled') break; // frozen
    if (e.type === 'started' && startedAt === null) {
      startedAt = e.at;
      run = lastRun = { since: e.at, usedBefore: used };
    } else if (e.type === 'paused' && state === 'running') {
      stop(e.at);
      state = 'paused';
    } else if (e.type === 'resumed' && state === 'paused') {
      run = lastRun = { since: e.at, usedBefore: used };
      state = 'running';
    } else if (e.type === 'warned') {
      warnedAt ??= e.at;
    } else if (e.type === 'breached') {
      breachedAt ??= e.at;
    } else if (e.type === 'fulfilled') {
      const wasRunning = run !== null;
      stop(e.at);
      fulfilledAt = e.at;
      if (!wasRunning) lastRun = null; // fulfilled while paused: no due time was running
      state = 'fulfilled';
    } else if (e.type === 'cancelled') {
      stop(e.at);
      state = 'cancelled';
    }
  }
  const dueOf = (r: { since: Date; usedBefore: number }) =>
    due(terms.calendar, r.since, Math.max(0, terms.minutes - r.usedBefore));
  const open = run;
  let dueAt: Date | null = null;
  let usedMinutes = used;
  if (open) {
    dueAt = dueOf(open);
    if (now > open.since) usedMinutes += elapsed(terms.calendar, open.since, now);
  } else if (state === 'fulfilled' && lastRun) {
    dueAt = dueOf(lastRun);
  }
  let kept: boolean | null = breachedAt ? false : null;
  let overrunMinutes: number | null = null;
  if (state === 'fulfilled') {
    kept = breachedAt === null && (dueAt === null ? used <= terms.minutes : fulfilledAt! <= dueAt);
    overrunMinutes = Math.max(0, used - terms.minutes);
  }
  const shown: ClockState =
    breachedAt && (state === 'running' || state === 'paused') ? 'breached' : state;
  return {
    state: shown,
    dueAt,
    usedMinutes,
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
