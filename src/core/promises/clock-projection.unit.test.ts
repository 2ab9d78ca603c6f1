import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockEventTypes, type ClockEventType } from '../../shared/promises';
import {
  calendarFromInput,
  dueAfterMs,
  elapsedMs,
  WEEKDAYS,
  type Calendar,
} from '../business-time';
import { calendarArb, instantIn } from '../business-time/test-arbitraries';
import { projectClock, warningAt, type ClockEvent } from './clock-projection';

const day: [string, string][] = [['09:00', '17:00']];
/** Vilnius office, Mon–Fri 09:00–17:00. */
const office = calendarFromInput({
  timezone: 'Europe/Vilnius',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: [],
});
const always: [string, string][] = [['00:00', '24:00']];
const roundTheClock = calendarFromInput({
  timezone: 'UTC',
  hours: Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, always])),
  holidays: [],
});

// December 2026 in Vilnius is UTC+02:00; the 18th is a Friday, the 21st a Monday.
const at = (local: string) => new Date(`2026-12-${local}+02:00`);
const ev = (type: ClockEventType, local: string): ClockEvent => ({ type, at: at(local) });
const project = (events: ClockEvent[], now = at('21T12:00:00'), minutes = 60) =>
  projectClock(events, { minutes, calendar: office }, now);
const started = ev('started', '18T16:30:00'); // due Monday 09:30 with 60 minutes

describe('projectClock on an office calendar', () => {
  it('carries a start late on Friday over the weekend: 16:30 + 60 min is Monday 09:30', () => {
    const clock = project([started], at('18T16:40:00'));
    expect(clock).toMatchObject({ state: 'running', dueAt: at('21T09:30:00'), usedMinutes: 10 });
    expect(clock).toMatchObject({ startedAt: started.at, kept: null, overrunMinutes: null });
  });

  it('has no due time while paused and keeps the minutes used before the pause', () => {
    const clock = project([started, ev('paused', '18T16:45:00')]);
    expect(clock).toMatchObject({ state: 'paused', dueAt: null, usedMinutes: 15, kept: null });
  });

  it('on resume runs only the minutes left: paused Fri 16:45, resumed Mon 10:00 → Mon 10:45', () => {
    const events = [started, ev('paused', '18T16:45:00'), ev('resumed', '21T10:00:00')];
    const clock = project(events, at('21T10:05:00'));
    expect(clock).toMatchObject({ state: 'running', dueAt: at('21T10:45:00'), usedMinutes: 20 });
  });

  it('is kept with no overrun when fulfilled before the due time', () => {
    const clock = project([started, ev('fulfilled', '21T09:20:00')]);
    expect(clock).toMatchObject({ state: 'fulfilled', dueAt: at('21T09:30:00'), kept: true });
    expect(clock).toMatchObject({ usedMinutes: 50, overrunMinutes: 0 });
  });

  it('is kept when fulfilled exactly at the due time', () => {
    expect(project([started, ev('fulfilled', '21T09:30:00')]).kept).toBe(true);
  });

  it('is not kept when fulfilled late, with the business minutes late as overrun', () => {
    const clock = project([started, ev('fulfilled', '21T10:00:00')]);
    expect(clock).toMatchObject({ state: 'fulfilled', dueAt: at('21T09:30:00'), kept: false });
    expect(clock).toMatchObject({ usedMinutes: 90, overrunMinutes: 30 });
  });

  it('shows a breached clock as breached and not kept until it ends', () => {
    const breached = ev('breached', '21T09:30:00');
    const clock = project([started, breached, ev('paused', '21T09:40:00')]);
    expect(clock).toMatchObject({ state: 'breached', breachedAt: breached.at, kept: false });
  });

  it('shows a breached then fulfilled clock as fulfilled, not kept, remembering the breach', () => {
    const breached = ev('breached', '21T09:30:00');
    const clock = project([started, breached, ev('fulfilled', '21T09:45:00')]);
    expect(clock).toMatchObject({ state: 'fulfilled', kept: false, breachedAt: breached.at });
    expect(clock.overrunMinutes).toBe(15);
  });

  it('has no due time and no verdict once cancelled', () => {
    const clock = project([started, ev('cancelled', '18T16:50:00')]);
    expect(clock).toMatchObject({ state: 'cancelled', dueAt: null, usedMinutes: 20, kept: null });
    expect(clock.overrunMinutes).toBeNull();
  });

  it('ignores every event after fulfilled or cancelled', () => {
    const after = ['paused', 'resumed', 'warned', 'breached', 'cancelled', 'fulfilled', 'started'];
    const later = after.map((type) => ev(type as ClockEventType, '21T11:00:00'));
    for (const end of [ev('fulfilled', '21T09:00:00'), ev('cancelled', '21T09:00:00')]) {
      expect(project([started, end, ...later])).toEqual(project([started, end]));
    }
  });

  it('ignores a second pause, a resume while running and a second start', () => {
    const paused = [started, ev('paused', '18T16:45:00')];
    const resumed = ev('resumed', '21T10:00:00');
    const doubled = [...paused, ev('paused', '21T09:30:00'), resumed];
    expect(project(doubled)).toEqual(project([...paused, resumed]));
    const noise = [ev('resumed', '21T09:15:00'), ev('started', '21T09:15:00')];
    expect(project([started, ...noise])).toEqual(project([started]));
  });

  it('fulfilled while paused: no due time if time was left, else the instant it ran out', () => {
    const early = [started, ev('paused', '18T16:45:00'), ev('fulfilled', '21T10:00:00')];
    expect(project(early)).toMatchObject({ dueAt: null, kept: true, overrunMinutes: 0 });
    const late = [started, ev('paused', '21T10:00:00'), ev('fulfilled', '21T11:00:00')];
    expect(project(late)).toMatchObject({
      dueAt: new Date('2026-12-21T07:30:00Z'),
      kept: false,
      usedMinutes: 90,
    });
    expect(project(late).overrunMinutes).toBe(30);
  });

  it('grows usedMinutes of a running clock with now but never moves its due time', () => {
    const times = ['18T16:30:00', '18T20:00:00', '21T09:10:00', '21T11:00:00'];
    const clocks = times.map((now) => project([started], at(now)));
    expect(clocks.map((c) => c.usedMinutes)).toEqual([0, 30, 40, 150]);
    for (const clock of clocks) expect(clock.dueAt).toEqual(at('21T09:30:00'));
  });

  // Regression: the overrun of the first stretch used to be forgotten on resume.
  it('is not kept when it overran before a pause and is fulfilled after resuming', () => {
    const events = [
      ev('started', '21T09:00:00'),
      ev('paused', '21T11:00:00'), // 120 of 60 minutes used
      ev('resumed', '21T18:00:00'), // closed: dueAt becomes Tuesday 09:00
      ev('fulfilled', '21T18:30:00'),
    ];
    const clock = project(events);
    expect(clock.overrunMinutes).toBe(60);
    expect(clock.kept).toBe(false);
    expect(clock.dueAt).toEqual(at('21T10:00:00')); // the instant the 60 minutes ran out
  });

  // Regression: stretches used to be rounded down to whole minutes, forgiving up to 59.999 s.
  it('does not move the due time when paused and resumed at the same instant', () => {
    const start = ev('started', '21T09:00:00');
    const pause = [ev('paused', '21T09:10:30'), ev('resumed', '21T09:10:30')];
    expect(project([start, ...pause]).dueAt).toEqual(project([start]).dueAt);
  });
});

describe('projectClock on a round-the-clock calendar', () => {
  it('is plain wall-clock arithmetic', () => {
    const t = (iso: string) => new Date(`2026-03-${iso}Z`);
    const events = [
      { type: 'started' as const, at: t('28T23:00:00') },
      { type: 'paused' as const, at: t('29T01:00:00') },
      { type: 'resumed' as const, at: t('29T05:00:00') },
    ];
    const clock = projectClock(events, { minutes: 600, calendar: roundTheClock }, t('29T06:00:00'));
    expect(clock).toMatchObject({ dueAt: t('29T13:00:00'), usedMinutes: 180 });
  });
});

describe('warningAt', () => {
  it('is the given number of wall-clock minutes before the due time', () => {
    expect(warningAt(at('21T09:30:00'), 45)).toEqual(at('21T08:45:00'));
    expect(warningAt(at('21T09:30:00'), 0)).toEqual(at('21T09:30:00'));
  });
});

const sorted = (dates: Date[]) => [...dates].sort((a, b) => a.getTime() - b.getTime());
const wholeMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);
const minutesArb = fc.integer({ min: 0, max: 2400 });
const instants = (calendar: Calendar, min: number, max: number) =>
  fc.array(instantIn(calendar.timezone), { minLength: min, maxLength: max }).map(sorted);
const types = clockEventTypes.filter((type) => type !== 'started');
/** A calendar, the promised minutes, a log opening with `started`, and two moments to look. */
const logArb = calendarArb.chain((calendar) =>
  fc.record({
    calendar: fc.constant(calendar),
    minutes: minutesArb,
    times: instants(calendar, 1, 9),
    kinds: fc.array(fc.constantFrom(...types), { minLength: 8, maxLength: 8 }),
    nows: instants(calendar, 2, 2),
  }),
);
const logOf = (times: Date[], kinds: ClockEventType[]): ClockEvent[] =>
  times.map((at, k) => ({ type: k === 0 ? 'started' : (kinds[k - 1] as ClockEventType), at }));

describe('projectClock properties over random calendars', () => {
  it('gives the running stretch exactly the business time the earlier stretches left, to the ms', () => {
    const arb = calendarArb.chain((c) => fc.tuple(fc.constant(c), minutesArb, instants(c, 1, 9)));
    fc.assert(
      fc.property(arb, ([calendar, minutes, [start, ...rest]]) => {
        const limit = minutes * 60_000;
        const events: ClockEvent[] = [{ type: 'started', at: start as Date }];
        let since = start as Date;
        let usedBefore = 0;
        let ranOutAt: Date | null = null;
        for (let k = 0; k + 1 < rest.length; k += 2) {
          const [pause, resume] = [rest[k] as Date, rest[k + 1] as Date];
          const stretch = elapsedMs(calendar, since, pause);
          if (!ranOutAt && usedBefore + stretch >= limit)
            ranOutAt = dueAfterMs(calendar, since, limit - usedBefore);
          usedBefore += stretch;
          events.push({ type: 'paused', at: pause }, { type: 'resumed', at: resume });
          since = resume;
        }
        const now = rest.at(-1) ?? since;
        const clock = projectClock(events, { minutes, calendar }, now);
        if (ranOutAt) {
          expect(clock.dueAt).toEqual(ranOutAt); // once run out, that instant stays the due time
        } else {
          const dueAt = clock.dueAt as Date;
          expect(usedBefore + elapsedMs(calendar, since, dueAt)).toBe(limit);
          expect(dueAt).toEqual(dueAfterMs(calendar, since, limit - usedBefore));
        }
        expect(clock.usedMinutes).toBe(
          Math.floor((usedBefore + elapsedMs(calendar, since, now)) / 60_000),
        );
      }),
      { numRuns: 200 },
    );
  });

  /** Pauses somewhere between the start and the due time (an overrun clock is the example above). */
  const pauseAndResumeAt = (wholeMinutes: boolean) =>
    fc.property(
      calendarArb.chain((c) => fc.tuple(fc.constant(c), minutesArb, instants(c, 1, 1))),
      fc.integer({ min: 0, max: 1000 }),
      ([calendar, minutes, [from]], permille) => {
        const start = wholeMinutes ? wholeMinute(from as Date) : (from as Date);
        const terms = { minutes, calendar };
        const plain = projectClock([{ type: 'started', at: start }], terms, start);
        const span = (plain.dueAt as Date).getTime() - start.getTime();
        const pause = new Date(start.getTime() + Math.floor((span * permille) / 1000));
        const at = wholeMinutes ? wholeMinute(pause) : pause;
        const events: ClockEvent[] = [{ type: 'started', at: start }];
        events.push({ type: 'paused', at }, { type: 'resumed', at });
        expect(projectClock(events, terms, at).dueAt).toEqual(plain.dueAt);
      },
    );

  it('never moves the due time by a pause and resume at the same whole minute', () => {
    fc.assert(pauseAndResumeAt(true), { numRuns: 200 });
  });

  it('never moves the due time by a pause and resume at the same instant', () => {
    fc.assert(pauseAndResumeAt(false), { numRuns: 200 });
  });

  it('changes nothing but warnedAt when a warned event is added', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), ({ calendar, minutes, times, kinds, nows }, spot) => {
        const events = logOf(times, kinds);
        const k = 1 + (spot % events.length);
        const warned: ClockEvent = { type: 'warned', at: (events[k - 1] as ClockEvent).at };
        const withWarning = [...events.slice(0, k), warned, ...events.slice(k)];
        const now = nows[0] as Date;
        const { warnedAt: _a, ...before } = projectClock(events, { minutes, calendar }, now);
        const { warnedAt: _b, ...after } = projectClock(withWarning, { minutes, calendar }, now);
        expect(after).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic and depends on now only through usedMinutes of a running clock', () => {
    fc.assert(
      fc.property(logArb, ({ calendar, minutes, times, kinds, nows: [early, late] }) => {
        const events = logOf(times, kinds);
        const copy = structuredClone(events);
        const terms = { minutes, calendar };
        const first = projectClock(events, terms, early as Date);
        expect(projectClock(events, terms, early as Date)).toEqual(first);
        expect(events).toEqual(copy);
        const { usedMinutes: usedEarly, ...rest } = first;
        const { usedMinutes: usedLate, ...restLate } = projectClock(events, terms, late as Date);
        expect(restLate).toEqual(rest);
        const running = first.dueAt !== null && first.fulfilledAt === null;
        if (running) expect(usedLate).toBeGreaterThanOrEqual(usedEarly);
        else expect(usedLate).toBe(usedEarly);
      }),
      { numRuns: 200 },
    );
  });
});
