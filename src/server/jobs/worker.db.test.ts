import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock, systemClock } from '../../core/clock';
import { testDatabase } from '../../../tests/support/database';
import { buildOrg } from '../../../tests/support/factories';
import type { Database } from '../db/connection';
import { pendingJobs, upsertJob } from '../db/repositories/jobs';
import { defineJob, JobWorker } from './worker';

let database: Database;
let orgId: string;
beforeAll(async () => {
  database = await testDatabase();
  orgId = (await buildOrg(database.db)).id;
});
afterAll(() => database.close());

describe('job worker', () => {
  it('runs a job at its instant without being polled, woken by the commit that scheduled it', async () => {
    const ran: { id: string; at: number }[] = [];
    let failOnce = true;
    const worker = new JobWorker(database, systemClock, {
      'test.ping': defineJob({
        payload: z.object({ id: z.string() }),
        handle: (_tx, p) => {
          if (p.id === 'flaky' && failOnce) {
            failOnce = false;
            return Promise.reject(new Error('first try fails'));
          }
          ran.push({ id: p.id, at: Date.now() });
          return Promise.resolve();
        },
      }),
    });
    await worker.start();
    try {
      // Far enough ahead that the second job's commit lands first on a loaded machine too.
      const soon = Date.now() + 2_000;
      await database.db.transaction((tx) =>
        upsertJob(tx, {
          orgId,
          name: 'test.ping',
          key: `ping-${orgId}`,
          payload: { id: 'timed' },
          runAt: new Date(soon),
        }),
      );
      await database.db.transaction((tx) =>
        upsertJob(tx, { orgId, name: 'test.ping', payload: { id: 'now' }, runAt: new Date() }),
      );
      const deadline = Date.now() + 10_000;
      while (ran.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(ran.map((r) => r.id)).toEqual(['now', 'timed']);
      expect(ran[1]!.at).toBeGreaterThanOrEqual(soon);
      // A job whose handler throws is kept and retried later, not lost.
      await database.db.transaction((tx) =>
        upsertJob(tx, {
          orgId,
          name: 'test.ping',
          key: `flaky-${orgId}`,
          payload: { id: 'flaky' },
          runAt: new Date(),
        }),
      );
      let left = await pendingJobs(database.db, orgId, 'test.ping');
      for (let i = 0; i < 100 && !left[0]?.lastError; i++) {
        await new Promise((r) => setTimeout(r, 50));
        left = await pendingJobs(database.db, orgId, 'test.ping');
      }
      expect(left.map((j) => [j.key, j.attempts, j.lastError])).toEqual([
        [`flaky-${orgId}`, 1, 'Error: first try fails'],
      ]);
      expect(left[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    } finally {
      await worker.stop();
    }
  });

  it('moves a keyed job instead of adding a second one', async () => {
    const key = `move-${orgId}`;
    await database.db.transaction((tx) =>
      upsertJob(tx, {
        orgId,
        name: 'test.move',
        key,
        payload: {},
        runAt: new Date('2030-01-01T00:00:00Z'),
      }),
    );
    await database.db.transaction((tx) =>
      upsertJob(tx, {
        orgId,
        name: 'test.move',
        key,
        payload: {},
        runAt: new Date('2030-01-02T00:00:00Z'),
      }),
    );
    const jobs = await pendingJobs(database.db, orgId, 'test.move');
    expect(jobs.map((j) => j.runAt.toISOString())).toEqual(['2030-01-02T00:00:00.000Z']);
  });

  it('books a recurring job again instead of removing it', async () => {
    const clock = fixedClock(new Date('2031-01-01T03:00:00Z'));
    const worker = new JobWorker(database, clock, {
      'test.daily': defineJob({
        payload: z.object({}),
        handle: () => Promise.resolve({ again: new Date('2031-01-02T03:00:00Z') }),
      }),
    });
    await database.db.transaction((tx) =>
      upsertJob(tx, {
        orgId,
        name: 'test.daily',
        key: `daily-${orgId}`,
        payload: {},
        runAt: clock.now(),
      }),
    );
    expect(await worker.runDue()).toBeGreaterThanOrEqual(1);
    const jobs = await pendingJobs(database.db, orgId, 'test.daily');
    expect(jobs.map((j) => [j.runAt.toISOString(), j.attempts])).toEqual([
      ['2031-01-02T03:00:00.000Z', 0],
    ]);
  });

  it('keeps a job its own handler re-armed (an upsert of its key), and removes one it did not', async () => {
    const clock = fixedClock(new Date('2032-01-01T09:00:00Z'));
    const key = `rearm-${orgId}`;
    const worker = new JobWorker(database, clock, {
      'test.rearm': defineJob({
        payload: z.object({ again: z.boolean() }),
        handle: async (tx, p) => {
          if (p.again)
            await upsertJob(tx, {
              orgId,
              name: 'test.rearm',
              key,
              payload: { again: false },
              runAt: new Date('2032-01-01T10:00:00Z'),
            });
        },
      }),
    });
    await database.db.transaction((tx) =>
      upsertJob(tx, {
        orgId,
        name: 'test.rearm',
        key,
        payload: { again: true },
        runAt: clock.now(),
      }),
    );
    expect(await worker.runDue()).toBeGreaterThanOrEqual(1);
    const jobs = await pendingJobs(database.db, orgId, 'test.rearm');
    expect(jobs.map((j) => [j.runAt.toISOString(), j.payload])).toEqual([
      ['2032-01-01T10:00:00.000Z', { again: false }],
    ]);
    clock.set(new Date('2032-01-01T10:00:00Z'));
    await worker.runDue();
    expect(await pendingJobs(database.db, orgId, 'test.rearm')).toEqual([]);
  });
});
