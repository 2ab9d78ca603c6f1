import { newId } from '../../../core/ids';
import type { Calendar } from '../../../core/business-time';
import {
  projectClock,
  warningAt,
  type ClockEvent,
  type ClockProjection,
} from '../../../core/promises/clock-projection';
import {
  matchPolicy,
  type MatchablePolicy,
  type SubjectFacts,
} from '../../../core/promises/policy-match';
import type { Clock } from '../../../core/clock';
import {
  initialTargets,
  type ClockEventType,
  type PromiseSubjectType,
  type PromiseTarget,
} from '../../../shared/promises';
import type { Executor } from '../../db/connection';
import { deleteJobs, jobsNotice, upsertJobsQuery, type JobPlan } from '../../db/repositories/jobs';
import { writeTogether } from '../../db/write-together';
import { refreshRequestDue } from '../../db/repositories/requests';
import { resolveClockAlerts } from '../../db/repositories/alerts';
import {
  appendClockEvent,
  clockEvents,
  clocksOf,
  insertClockEventsQuery,
  insertClocksQuery,
  listPolicies,
  lockClock,
  openClocksOnCalendar,
  updateClockRow,
  type ClockRow,
  type PolicyRow,
} from '../../db/repositories/promises';
import type { PolicyTarget, promiseClockEvents, promiseClocks } from '../../db/schema';
import { calendarAmong, calendarFor } from './calendars';
import { presentClock } from '../../presenters/promises';

/** Something promises are made about, with what policies match on and its status. */
export type Subject = {
  type: PromiseSubjectType;
  id: string;
  facts: SubjectFacts;
  status?: string | null;
};

/**
 * Names the job that checks a clock: ONE per running clock, at its next alarm (the warning, then
 * the due instant); when it runs it does what is due and re-arms itself for the next.
 */
export const promiseJob = 'promise.check';
const jobKey = (clockId: string) => `promise:${clockId}`;

/** What applies when no policy matches: thanks for every gift within 48 hours, round the clock. */
export const defaultTargets: Partial<Record<PromiseSubjectType, PolicyTarget[]>> = {
  gift: [
    {
      target: 'thanks',
      minutes: 48 * 60,
      calendarId: null,
      pauseStatuses: [],
      warnBeforeMinutes: 12 * 60,
    },
  ],
};

/**
 * The promise terms a subject runs under: the policy that matched, its targets, and (a gift
 * policy) how the thank-you is to be given.
 */
export type Terms = {
  policyId: string | null;
  targets: PolicyTarget[];
  thanks: PolicyRow['thanks'];
};

type MatchablePolicyWithTargets = MatchablePolicy & {
  targets: PolicyTarget[];
  thanks?: PolicyRow['thanks'];
};

/** The terms of the organization's first matching policy for a subject (else the defaults). */
export async function termsFor(db: Executor, orgId: string, subject: Subject): Promise<Terms> {
  return termsFrom(await listPolicies(db, orgId, subject.type), subject);
}

const isOpen = (c: ClockRow) =>
  c.state === 'running' || c.state === 'paused' || (c.state === 'breached' && !c.fulfilledAt);

/**
 * Appends events to a clock's log, recomputes its projection from the whole log, and moves its
 * warning and breach jobs to the new exact instants (or removes them).
 */
export async function applyClockEvents(
  tx: Executor,
  clockRow: ClockRow,
  events: { type: ClockEventType; at: Date; data?: unknown }[],
  now: Date,
): Promise<ClockRow> {
  for (const e of events) {
    await appendClockEvent(tx, {
      orgId: clockRow.orgId,
      clockId: clockRow.id,
      type: e.type,
      at: e.at,
      data: e.data ?? null,
    });
  }
  const log: ClockEvent[] = (await clockEvents(tx, clockRow.id)).map((e) => ({
    type: e.type,
    at: e.at,
  }));
  const calendar = await calendarFor(tx, clockRow.orgId, clockRow.calendarId);
  const p = projectClock(log, { minutes: clockRow.minutes, calendar }, now);
  const row = await updateClockRow(tx, clockRow.id, {
    state: p.state,
    dueAt: p.dueAt,
    fulfilledAt: p.fulfilledAt,
    breachedAt: p.breachedAt,
    kept: p.kept,
    usedMinutes: p.usedMinutes,
    overrunMinutes: p.overrunMinutes,
  });
  // A request carries its earliest due time and breach flag, so the queue can order by them.
  if (row.subjectType === 'request') await refreshRequestDue(tx, row.orgId, row.subjectId);
  if (p.state !== 'running' && p.state !== 'paused')
    await resolveClockAlerts(tx, row.orgId, row.id, now);
  const jobs = clockJobs(row, p, now);
  if (jobs.schedule.length)
    await writeTogether(
      tx,
      [upsertJobsQuery(jobs.schedule)],
      [jobsNotice(jobs.schedule.map((j) => j.runAt))],
    );
  if (jobs.drop.length) await deleteJobs(tx, jobs.drop);
  return row;
}

/**
 * The job a clock needs after its projection: a running clock with a due time gets one job at its
 * next alarm — the warning instant while it is not warned yet (now, if that has passed), else the
 * due instant; any other state drops it. (Clocks of earlier versions had a warn and a breach job
 * each, `promise:<id>:warn|breach`: when one runs it does what is due and re-arms this one.)
 */
function clockJobs(
  row: Pick<ClockRow, 'id' | 'orgId' | 'warnBeforeMinutes'>,
  p: ClockProjection,
  now: Date,
): { schedule: JobPlan[]; drop: string[] } {
  const key = jobKey(row.id);
  if (p.state !== 'running' || !p.dueAt || p.breachedAt) return { schedule: [], drop: [key] };
  const warnAt =
    row.warnBeforeMinutes > 0 && !p.warnedAt ? warningAt(p.dueAt, row.warnBeforeMinutes) : null;
  const runAt = warnAt && warnAt < p.dueAt ? (warnAt < now ? now : warnAt) : p.dueAt;
  return {
    schedule: [
      {
        orgId: row.orgId,
        name: promiseJob,
        key,
        payload: { orgId: row.orgId, clockId: row.id },
        runAt,
      },
    ],
    drop: [],
  };
}

/** A clock about to start, planned in full: its row with the projection, first events, jobs. */
export type ClockStart = {
  clock: typeof promiseClocks.$inferInsert & { id: string };
  events: (typeof promiseClockEvents.$inferInsert)[];
  jobs: JobPlan[];
};

/**
 * Plans the clocks a new subject starts under its matched terms (the initial targets), each on
 * its calendar from those already read — for a create that plans every row before one write.
 */
export function planStarts(
  orgId: string,
  subject: Subject,
  terms: Pick<Terms, 'policyId' | 'targets'>,
  calendars: Parameters<typeof calendarAmong>[0],
  now: Date,
): ClockStart[] {
  return terms.targets
    .filter((t) => initialTargets.includes(t.target))
    .map((t) =>
      planClockStart(
        orgId,
        subject,
        terms.policyId,
        t,
        calendarAmong(calendars, t.calendarId),
        now,
        now,
      ),
    );
}

/**
 * Plans a new clock without touching the database: the log starts with "started" (and "paused"
 * when the subject is already in a pausing status), and the projection of that log gives the
 * row's state and due time. Written by `writeClockStarts`, or with the subject in one statement.
 */
export function planClockStart(
  orgId: string,
  subject: Subject,
  policyId: string | null,
  t: PolicyTarget,
  calendar: Calendar,
  at: Date,
  now: Date,
): ClockStart {
  const id = newId();
  const paused = subject.status ? t.pauseStatuses.includes(subject.status) : false;
  const log: ClockEvent[] = [
    { type: 'started', at },
    ...(paused ? [{ type: 'paused' as const, at }] : []),
  ];
  const p = projectClock(log, { minutes: t.minutes, calendar }, now);
  const clock = {
    id,
    orgId,
    subjectType: subject.type,
    subjectId: subject.id,
    target: t.target,
    policyId,
    minutes: t.minutes,
    calendarId: t.calendarId,
    warnBeforeMinutes: t.warnBeforeMinutes,
    pauseStatuses: t.pauseStatuses,
    state: p.state,
    dueAt: p.dueAt,
    startedAt: at,
    fulfilledAt: p.fulfilledAt,
    breachedAt: p.breachedAt,
    kept: p.kept,
    usedMinutes: p.usedMinutes,
    overrunMinutes: p.overrunMinutes,
  };
  const events = log.map((e, i) => ({
    orgId,
    clockId: id,
    type: e.type,
    at: e.at,
    data: i === 0 ? { policyId } : null,
  }));
  return { clock, events, jobs: clockJobs(clock, p, now).schedule };
}

/** The statements that write planned clocks (for writeTogether), and the wake-up for workers. */
export function clockStartWrites(tx: Executor, starts: readonly ClockStart[]) {
  if (starts.length === 0) return { parts: [], notices: [] };
  const jobs = starts.flatMap((s) => s.jobs);
  return {
    parts: [
      insertClocksQuery(starts.map((s) => s.clock)),
      insertClockEventsQuery(starts.flatMap((s) => s.events)),
      ...(jobs.length ? [upsertJobsQuery(jobs)] : []),
    ],
    notices: jobs.length ? [jobsNotice(jobs.map((j) => j.runAt))] : [],
  };
}

/**
 * What a subject shows of its clocks: the earliest due time of a running clock, and whether any
 * was broken (the queue orders requests by these).
 */
export function dueSummary(
  clocks: readonly { state: ClockRow['state']; dueAt?: Date | null; kept?: boolean | null }[],
) {
  const due = clocks.filter((c) => c.state === 'running' && c.dueAt).map((c) => c.dueAt!.getTime());
  return {
    nextDueAt: due.length ? new Date(Math.min(...due)) : null,
    breached: clocks.some((c) => c.kept === false),
  };
}

/** The terms for a subject from already-loaded policies (the first match, or the default). */
export function termsFrom(
  policies: readonly MatchablePolicyWithTargets[],
  subject: Subject,
): Terms {
  const policy = matchPolicy(policies, subject.facts);
  if (policy)
    return { policyId: policy.id, targets: policy.targets, thanks: policy.thanks ?? null };
  return { policyId: null, targets: defaultTargets[subject.type] ?? [], thanks: null };
}

async function startClock(
  tx: Executor,
  orgId: string,
  subject: Subject,
  policyId: string | null,
  t: PolicyTarget,
  at: Date,
  now: Date,
): Promise<ClockRow> {
  const calendar = await calendarFor(tx, orgId, t.calendarId);
  const start = planClockStart(orgId, subject, policyId, t, calendar, at, now);
  const writes = clockStartWrites(tx, [start]);
  await writeTogether(tx, writes.parts, writes.notices);
  if (subject.type === 'request') await refreshRequestDue(tx, orgId, subject.id);
  return (await lockClock(tx, orgId, start.clock.id))!;
}

/** Starts the clocks of a new subject under the first matching policy (or the built-in default). */
export async function startPromises(
  tx: Executor,
  clock: Clock,
  orgId: string,
  subject: Subject,
  at?: Date,
  /** The terms, when the caller matched them already (`termsFor`). */
  matched?: Terms,
): Promise<ClockRow[]> {
  const now = clock.now();
  const terms = matched ?? (await termsFor(tx, orgId, subject));
  const started: ClockRow[] = [];
  for (const t of terms.targets) {
    if (initialTargets.includes(t.target))
      started.push(await startClock(tx, orgId, subject, terms.policyId, t, at ?? now, now));
  }
  return started;
}

/** Starts one target on demand (next response after a requester's reply); keeps one already open. */
export async function startTarget(
  tx: Executor,
  clock: Clock,
  orgId: string,
  subject: Subject,
  target: PromiseTarget,
  at?: Date,
): Promise<ClockRow | undefined> {
  const now = clock.now();
  const open = (await clocksOf(tx, orgId, subject.type, subject.id)).find(
    (c) => c.target === target && isOpen(c),
  );
  if (open) return open;
  const terms = await termsFor(tx, orgId, subject);
  const t = terms.targets.find((x) => x.target === target);
  return t ? startClock(tx, orgId, subject, terms.policyId, t, at ?? now, now) : undefined;
}

/** Marks a target fulfilled (a first reply sent, a thank-you sent, a request solved). */
export async function fulfilTarget(
  tx: Executor,
  clock: Clock,
  orgId: string,
  subject: Pick<Subject, 'type' | 'id'>,
  target: PromiseTarget,
  at?: Date,
): Promise<ClockRow | undefined> {
  const now = clock.now();
  const open = (await clocksOf(tx, orgId, subject.type, subject.id)).find(
    (c) => c.target === target && isOpen(c),
  );
  if (!open) return undefined;
  const locked = (await lockClock(tx, orgId, open.id))!;
  return applyClockEvents(tx, locked, [{ type: 'fulfilled', at: at ?? now }], now);
}

/** Cancels every open clock of a subject (deleted, merged, spam). */
export async function cancelPromises(
  tx: Executor,
  clock: Clock,
  orgId: string,
  subject: Pick<Subject, 'type' | 'id'>,
): Promise<void> {
  const now = clock.now();
  for (const c of await clocksOf(tx, orgId, subject.type, subject.id)) {
    if (isOpen(c))
      await applyClockEvents(
        tx,
        (await lockClock(tx, orgId, c.id))!,
        [{ type: 'cancelled', at: now }],
        now,
      );
  }
}

/**
 * Combines the promises of a subject merged into another: for each target, the promise made
 * EARLIER stands, because its requester has been waiting longest. An open clock of the merged
 * subject that started before the surviving subject's own (or where it has none of that target
 * at all) moves over and the other is cancelled; otherwise the merged one is cancelled.
 * Returns the targets whose clock moved.
 */
export async function combinePromises(
  tx: Executor,
  clock: Clock,
  orgId: string,
  from: Pick<Subject, 'type' | 'id'>,
  into: Pick<Subject, 'type' | 'id'>,
): Promise<PromiseTarget[]> {
  const now = clock.now();
  const theirs = (await clocksOf(tx, orgId, into.type, into.id)).filter(
    (c) => c.state !== 'cancelled',
  );
  const moved: PromiseTarget[] = [];
  for (const c of (await clocksOf(tx, orgId, from.type, from.id)).filter(isOpen)) {
    const rival = theirs.find((t) => t.target === c.target);
    const older = rival ? isOpen(rival) && c.startedAt < rival.startedAt : true;
    const loser = older ? rival : c;
    if (loser)
      await applyClockEvents(
        tx,
        (await lockClock(tx, orgId, loser.id))!,
        [{ type: 'cancelled', at: now, data: { reason: 'merged' } }],
        now,
      );
    if (older) {
      await updateClockRow(tx, c.id, { subjectId: into.id });
      await appendClockEvent(tx, {
        orgId,
        clockId: c.id,
        type: 'retargeted',
        at: now,
        data: { mergedFrom: from.id },
      });
      moved.push(c.target);
    }
  }
  if (into.type === 'request') await refreshRequestDue(tx, orgId, into.id);
  return moved;
}

/**
 * Re-evaluates a subject whose matching fields or status changed: a different policy re-targets
 * the open clocks (their due times recomputed from their logs under the new terms), a target the
 * new policy lacks is cancelled, a missing initial one starts; statuses pause and resume.
 */
export async function subjectChanged(
  tx: Executor,
  clock: Clock,
  orgId: string,
  subject: Subject,
): Promise<ClockRow[]> {
  const now = clock.now();
  const terms = await termsFor(tx, orgId, subject);
  const clocks = await clocksOf(tx, orgId, subject.type, subject.id);
  const result: ClockRow[] = [];
  for (const c of clocks.filter(isOpen)) {
    let row = (await lockClock(tx, orgId, c.id))!;
    const events: { type: ClockEventType; at: Date; data?: unknown }[] = [];
    if (row.policyId !== terms.policyId) {
      const t = terms.targets.find((x) => x.target === row.target);
      if (!t) {
        result.push(
          await applyClockEvents(
            tx,
            row,
            [{ type: 'cancelled', at: now, data: { reason: 'policy changed' } }],
            now,
          ),
        );
        continue;
      }
      row = await updateClockRow(tx, row.id, {
        policyId: terms.policyId,
        minutes: t.minutes,
        calendarId: t.calendarId,
        warnBeforeMinutes: t.warnBeforeMinutes,
        pauseStatuses: t.pauseStatuses,
      });
      events.push({
        type: 'retargeted',
        at: now,
        data: { policyId: terms.policyId, minutes: t.minutes, calendarId: t.calendarId },
      });
    }
    const pauses = subject.status ? row.pauseStatuses.includes(subject.status) : false;
    const paused = row.state === 'paused' || wasPaused(row);
    if (pauses && !paused)
      events.push({ type: 'paused', at: now, data: { status: subject.status } });
    if (!pauses && paused)
      events.push({ type: 'resumed', at: now, data: { status: subject.status } });
    result.push(events.length ? await applyClockEvents(tx, row, events, now) : row);
  }
  const have = new Set(clocks.map((c) => c.target));
  for (const t of terms.targets) {
    if (initialTargets.includes(t.target) && !have.has(t.target))
      result.push(await startClock(tx, orgId, subject, terms.policyId, t, now, now));
  }
  return result;
}

// A breached clock shows "breached" whether or not it is paused; its due time is null when paused.
const wasPaused = (row: ClockRow) => row.state === 'breached' && row.dueAt === null;

/** Re-times every open clock on a calendar whose hours or holidays just changed. */
export async function retimeClocksOnCalendar(
  tx: Executor,
  clock: Clock,
  orgId: string,
  calendarId: string,
): Promise<number> {
  const now = clock.now();
  const open = await openClocksOnCalendar(tx, orgId, calendarId);
  for (const c of open) await applyClockEvents(tx, (await lockClock(tx, orgId, c.id))!, [], now);
  return open.length;
}

/** The clocks of one subject, presented (staff inspect a request's or a gift's promises). */
export async function subjectClocks(
  db: Executor,
  orgId: string,
  subjectType: PromiseSubjectType,
  subjectId: string,
) {
  return (await clocksOf(db, orgId, subjectType, subjectId)).map(presentClock);
}
