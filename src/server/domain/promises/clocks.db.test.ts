import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import type { OrganizationRow } from '../../db/repositories/organizations';
import { pendingJobs } from '../../db/repositories/jobs';
import { clockEvents, clocksOf } from '../../db/repositories/promises';
import { jobRegistry } from '../../jobs/registry';
import { JobWorker } from '../../jobs/worker';
import { testMailDeps } from '../../../../tests/support/mail';
import type { Actor } from '../actor';
import { createCalendar, updateCalendar } from './calendars';
import {
  cancelPromises,
  fulfilTarget,
  startPromises,
  startTarget,
  subjectChanged,
  type Subject,
} from './clocks';
import { createPolicy } from './policies';
import { promiseSummary } from './ledger';
import { openAlerts } from '../alerts';

let database: Database;
let org: OrganizationRow;
let admin: Actor;
let calendarId: string;
const clock = fixedClock(new Date('2026-11-27T14:30:00Z')); // Friday 16:30 in Vilnius
let worker: JobWorker;

const office = {
  timezone: 'Europe/Vilnius',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
      d,
      [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
    ]),
  ),
  holidays: ['2026-12-24'],
};

beforeAll(async () => {
  database = await testDatabase();
  org = await buildOrg(database.db);
  admin = actorFor(await buildUser(database.db, org, 'admin'));
  calendarId = (await createCalendar(database.db, admin, { name: 'Office', definition: office }))
    .id;
  await createPolicy(database.db, admin, {
    subjectType: 'request',
    name: 'Everyone',
    conditions: {},
    targets: [
      {
        target: 'first_response',
        minutes: 240,
        calendarId,
        pauseStatuses: [],
        warnBeforeMinutes: 0,
      },
      {
        target: 'resolution',
        minutes: 2400,
        calendarId,
        pauseStatuses: ['waiting_on_requester'],
        warnBeforeMinutes: 0,
      },
    ],
  });
  await createPolicy(database.db, admin, {
    subjectType: 'request',
    name: 'Major donors',
    position: 1,
    conditions: { roles: ['donor'], segments: ['major'] },
    targets: [
      {
        target: 'first_response',
        minutes: 60,
        calendarId,
        pauseStatuses: [],
        warnBeforeMinutes: 15,
      },
      {
        target: 'next_response',
        minutes: 120,
        calendarId,
        pauseStatuses: [],
        warnBeforeMinutes: 0,
      },
      {
        target: 'resolution',
        minutes: 480,
        calendarId,
        pauseStatuses: ['waiting_on_requester', 'on_hold'],
        warnBeforeMinutes: 60,
      },
    ],
  });
  worker = new JobWorker(database, clock, jobRegistry({ mail: testMailDeps() }), undefined, [
    org.id,
  ]);
});
afterAll(() => database.close());

const tx = <T>(fn: (db: Database['db']) => Promise<T>) =>
  database.db.transaction((t) => fn(t as never));
const at = (iso: string) => new Date(iso);
const byTarget = async (s: Pick<Subject, 'type' | 'id'>) =>
  Object.fromEntries((await clocksOf(database.db, org.id, s.type, s.id)).map((c) => [c.target, c]));

describe('promise clocks on the database', () => {
  it('picks the first matching policy in order and computes due times in business hours', async () => {
    clock.set(at('2026-11-27T14:30:00Z'));
    const client: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['client'], segments: [] },
      status: 'new',
    };
    const donor: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['donor', 'client'], segments: ['major'] },
      status: 'new',
    };
    await tx((db) => startPromises(db, clock, org.id, client));
    await tx((db) => startPromises(db, clock, org.id, donor));
    const c = await byTarget(client);
    // 30 min on Friday, 3 h Monday morning, lunch, 30 min: Monday 13:30 in Vilnius.
    expect(c.first_response!.dueAt).toEqual(at('2026-11-30T11:30:00Z'));
    expect(Object.keys(c).sort()).toEqual(['first_response', 'resolution']);
    const d = await byTarget(donor);
    expect(d.first_response!.dueAt).toEqual(at('2026-11-30T07:30:00Z')); // Monday 09:30
    expect(d.next_response).toBeUndefined(); // starts on a reply, not at once
  });

  it('re-targets open clocks when the subject starts matching another policy', async () => {
    clock.set(at('2026-11-27T14:30:00Z'));
    const s: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['client'], segments: [] },
    };
    await tx((db) => startPromises(db, clock, org.id, s));
    clock.set(at('2026-11-27T14:40:00Z'));
    await tx((db) =>
      subjectChanged(db, clock, org.id, { ...s, facts: { roles: ['donor'], segments: ['major'] } }),
    );
    const c = await byTarget(s);
    // The new promise counts from the original start: 60 business minutes after Friday 16:30.
    expect(c.first_response!.minutes).toBe(60);
    expect(c.first_response!.dueAt).toEqual(at('2026-11-30T07:30:00Z'));
    const log = (await clockEvents(database.db, c.first_response!.id)).map((e) => e.type);
    expect(log).toEqual(['started', 'retargeted']);
  });

  it('pauses only the targets whose policy names the status, and resumes with the time left', async () => {
    clock.set(at('2026-11-30T07:00:00Z')); // Monday 09:00
    const s: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['donor'], segments: ['major'] },
      status: 'open',
    };
    await tx((db) => startPromises(db, clock, org.id, s));
    clock.set(at('2026-11-30T09:00:00Z')); // 11:00, 120 of 480 resolution minutes used
    await tx((db) => subjectChanged(db, clock, org.id, { ...s, status: 'waiting_on_requester' }));
    let c = await byTarget(s);
    expect(c.resolution!.state).toBe('paused');
    expect(c.resolution!.dueAt).toBeNull();
    expect(c.first_response!.state).toBe('running');
    clock.set(at('2026-12-01T07:00:00Z')); // Tuesday 09:00
    await tx((db) => subjectChanged(db, clock, org.id, { ...s, status: 'open' }));
    c = await byTarget(s);
    // 360 minutes left from Tuesday 09:00: 3 h, lunch, 3 h → 16:00.
    expect(c.resolution!.state).toBe('running');
    expect(c.resolution!.dueAt).toEqual(at('2026-12-01T14:00:00Z'));
  });

  it('warns and breaches at the exact instants through scheduled jobs, then records the late fulfilment', async () => {
    clock.set(at('2026-11-30T07:00:00Z')); // Monday 09:00
    const s: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['donor'], segments: ['major'] },
    };
    await tx((db) => startPromises(db, clock, org.id, s));
    const first = (await byTarget(s)).first_response!;
    const jobs = (await pendingJobs(database.db, org.id)).filter(
      (j) => (j.payload as { clockId: string }).clockId === first.id,
    );
    // One job, at the warning instant; it re-arms itself for the due instant when it has warned.
    expect(jobs.map((j) => [j.key, j.runAt.toISOString()])).toEqual([
      [`promise:${first.id}`, '2026-11-30T07:45:00.000Z'],
    ]);
    clock.set(at('2026-11-30T07:44:59Z'));
    await worker.runDue();
    expect((await byTarget(s)).first_response!.state).toBe('running');
    clock.set(at('2026-11-30T07:45:00Z'));
    await worker.runDue();
    const warned = await openAlerts(database.db, admin);
    expect(
      warned.filter((a) => a.kind === 'promise_due_soon' && a.message.includes(s.id)),
    ).toHaveLength(1);
    expect(
      (await pendingJobs(database.db, org.id))
        .filter((j) => j.key === `promise:${first.id}`)
        .map((j) => j.runAt.toISOString()),
    ).toEqual(['2026-11-30T08:00:00.000Z']);
    clock.set(at('2026-11-30T08:00:00Z'));
    await worker.runDue();
    expect((await openAlerts(database.db, admin)).filter((a) => a.message.includes(s.id))).toEqual(
      [],
    );
    const breached = (await byTarget(s)).first_response!;
    expect(breached.state).toBe('breached');
    expect(breached.breachedAt).toEqual(at('2026-11-30T08:00:00Z'));
    expect(breached.kept).toBe(false);
    clock.set(at('2026-11-30T08:30:00Z'));
    await tx((db) => fulfilTarget(db, clock, org.id, s, 'first_response'));
    const done = (await byTarget(s)).first_response!;
    expect(done).toMatchObject({
      state: 'fulfilled',
      kept: false,
      overrunMinutes: 30,
      usedMinutes: 90,
    });
    expect((await clockEvents(database.db, done.id)).map((e) => e.type)).toEqual([
      'started',
      'warned',
      'breached',
      'fulfilled',
    ]);
  });

  it('fulfilled in time is kept, frozen, and leaves no jobs behind', async () => {
    clock.set(at('2026-11-30T07:00:00Z'));
    const s: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['donor'], segments: ['major'] },
    };
    await tx((db) => startPromises(db, clock, org.id, s));
    const running = (await byTarget(s)).first_response!;
    const jobsOf = async (id: string) =>
      (await pendingJobs(database.db, org.id)).filter((j) => j.key?.startsWith(`promise:${id}`));
    // One job per running clock, at its next alarm (the warning, 15 minutes before due).
    expect((await jobsOf(running.id)).map((j) => [j.key, j.runAt])).toEqual([
      [`promise:${running.id}`, at('2026-11-30T07:45:00Z')],
    ]);
    clock.set(at('2026-11-30T07:20:00Z'));
    const done = await tx((db) => fulfilTarget(db, clock, org.id, s, 'first_response'));
    expect(done).toMatchObject({ state: 'fulfilled', kept: true, usedMinutes: 20 });
    expect(await jobsOf(done!.id)).toEqual([]);
    clock.set(at('2026-11-30T07:30:00Z'));
    await tx((db) =>
      subjectChanged(db, clock, org.id, { ...s, facts: { roles: ['client'], segments: [] } }),
    );
    expect((await byTarget(s)).first_response).toMatchObject({
      state: 'fulfilled',
      minutes: 60,
      kept: true,
    });
  });

  it('starts a next-response clock on demand, one at a time', async () => {
    clock.set(at('2026-11-30T07:00:00Z'));
    const s: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['donor'], segments: ['major'] },
    };
    await tx((db) => startPromises(db, clock, org.id, s));
    const a = await tx((db) => startTarget(db, clock, org.id, s, 'next_response'));
    const b = await tx((db) => startTarget(db, clock, org.id, s, 'next_response'));
    expect(b!.id).toBe(a!.id);
    expect(a!.dueAt).toEqual(at('2026-11-30T09:00:00Z'));
  });

  it('re-times open clocks when their calendar changes', async () => {
    clock.set(at('2026-11-30T07:00:00Z'));
    const s: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['client'], segments: [] },
    };
    await tx((db) => startPromises(db, clock, org.id, s));
    expect((await byTarget(s)).first_response!.dueAt).toEqual(at('2026-11-30T12:00:00Z')); // 14:00
    const cal = await database.db.transaction((t) =>
      updateCalendar(t, clock, admin, calendarId, {
        definition: { ...office, hours: { ...office.hours, mon: [['09:00', '17:00']] } } as never,
      }),
    );
    expect(cal.version).toBe(2);
    expect((await byTarget(s)).first_response!.dueAt).toEqual(at('2026-11-30T11:00:00Z')); // no lunch: 13:00
    await database.db.transaction((t) =>
      updateCalendar(t, clock, admin, calendarId, { definition: office }),
    );
  });

  it('cancels every open clock of a subject and removes their jobs', async () => {
    clock.set(at('2026-11-30T07:00:00Z'));
    const s: Subject = {
      type: 'request',
      id: randomUUID(),
      facts: { roles: ['client'], segments: [] },
    };
    await tx((db) => startPromises(db, clock, org.id, s));
    await tx((db) => cancelPromises(db, clock, org.id, s));
    const c = await byTarget(s);
    expect([c.first_response!.state, c.resolution!.state]).toEqual(['cancelled', 'cancelled']);
    const keys = (await pendingJobs(database.db, org.id)).map((j) => j.key);
    expect(keys.some((k) => k?.includes(c.first_response!.id))).toBe(false);
  });
});

describe('thanks for gifts and the ledger', () => {
  it('thanks every gift within 48 hours round the clock by default, and the ledger adds up', async () => {
    const gifts = await buildOrg(database.db);
    const actor = actorFor(await buildUser(database.db, gifts, 'admin'));
    const t0 = at('2026-12-05T10:00:00Z'); // a Saturday: the default promise ignores office hours
    clock.set(t0);
    const ids = ['g1', 'g2', 'g3', 'g4'];
    for (const id of ids)
      await tx((db) =>
        startPromises(db, clock, gifts.id, {
          type: 'gift',
          id,
          facts: { roles: ['donor'], segments: [] },
        }),
      );
    const first = (await clocksOf(database.db, gifts.id, 'gift', 'g1'))[0]!;
    expect(first).toMatchObject({
      target: 'thanks',
      minutes: 2880,
      policyId: null,
      calendarId: null,
    });
    expect(first.dueAt).toEqual(at('2026-12-07T10:00:00Z'));
    const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);
    for (const [id, h] of [
      ['g1', 6],
      ['g2', 12],
      ['g3', 24],
    ] as const) {
      clock.set(hours(h));
      await tx((db) => fulfilTarget(db, clock, gifts.id, { type: 'gift', id }, 'thanks'));
    }
    clock.set(hours(48));
    await worker.runDue();
    clock.set(hours(60));
    await tx((db) => fulfilTarget(db, clock, gifts.id, { type: 'gift', id: 'g4' }, 'thanks'));
    const summary = await promiseSummary(database.db, clock, actor, {
      from: t0.toISOString(),
      to: hours(61).toISOString(),
    });
    // Hand-worked: used minutes 360, 720, 1440, 3600; kept 3 of 4;
    // p50 = (720 + 1440) / 2 = 1080; p90 = 1440 + 0.7 × (3600 − 1440) = 2952.
    expect(summary.data).toEqual([
      {
        subjectType: 'gift',
        target: 'thanks',
        policy: null,
        period: null,
        kept: 3,
        broken: 1,
        keptRate: 0.75,
        fulfilP50Minutes: 1080,
        fulfilP90Minutes: 2952,
      },
    ]);
    const early = await promiseSummary(database.db, clock, actor, {
      from: t0.toISOString(),
      to: hours(20).toISOString(),
    });
    expect(early.data[0]).toMatchObject({ kept: 2, broken: 0, keptRate: 1 });
  });
});
