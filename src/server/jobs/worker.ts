import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Clock } from '../../core/clock';
import type { Database, Tx } from '../db/connection';
import {
  claimDueJobs,
  finishJob,
  jobsChannel,
  nextJobAt,
  rescheduleJob,
  retryJob,
  type JobRow,
} from '../db/repositories/jobs';

/** A named job: its payload schema and its handler, run in the transaction that completes it. */
export type JobDefinition<T = unknown> = {
  payload: z.ZodType<T>;
  /**
   * The handler commits on its own (it receives the database, not a transaction), for work that
   * must record a step before an outside effect — sending an email — and after it.
   */
  ownCommits?: boolean;
  /** Returns `{ again }` to run once more at that instant (a recurring job), else it is done. */
  handle(tx: Tx, payload: T, ctx: { clock: Clock; job: JobRow }): Promise<void | { again: Date }>;
};

/** Every job the worker knows, by name. */
export type JobRegistry = Record<string, JobDefinition<unknown>>;

/** Types a job definition by its payload schema and erases that type for the registry. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<unknown> {
  return definition;
}

const leaseMs = 5 * 60_000;
// Exact timers do the real work; this only bounds how long a missed wake-up could go unnoticed.
const maxSleepMs = 5 * 60_000;

/**
 * Runs scheduled jobs at their exact time: after each batch it sleeps until the earliest pending
 * job (not a polling interval), and a NOTIFY sent by the commit that schedules a job wakes it.
 * Several workers on one PostgreSQL share the work through SKIP LOCKED claims.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | undefined;
  private timerAt: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly registry: JobRegistry,
    private readonly log?: FastifyBaseLogger,
    /** Only the jobs of these organizations (tests sharing one database; a dedicated worker). */
    private readonly orgIds?: readonly string[],
  ) {}

  /** Starts the loop and listens for wake-ups. */
  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.database.listen(jobsChannel, (payload) => this.scheduled(payload));
    this.wake();
  }

  /** Stops the loop after the batch in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.unlisten?.();
  }

  /**
   * A commit scheduled jobs; the notice carries the earliest run time. A job due later than the
   * timer already set changes nothing (no query at all: a busy desk schedules jobs with every
   * request); an earlier one moves the timer; one due now, or a notice without a time, wakes.
   */
  scheduled(payload?: string): void {
    const at = payload ? Date.parse(payload) : NaN;
    const wait = at - this.clock.now().getTime();
    if (Number.isNaN(at) || wait <= 0 || this.running || this.timerAt === undefined)
      return this.wake();
    if (at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.arm(wait);
  }

  private arm(wait: number): void {
    const ms = Math.min(wait, maxSleepMs);
    this.timerAt = this.clock.now().getTime() + ms;
    this.timer = setTimeout(() => this.wake(), ms);
  }

  /** Runs due jobs now, then re-arms the timer for the next one. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timerAt = undefined;
    this.running = this.cycle().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async cycle(): Promise<void> {
    try {
      await this.runDue();
      const next = await nextJobAt(this.database.db);
      if (this.stopped) return;
      const wait = next ? Math.max(0, next.getTime() - this.clock.now().getTime()) : maxSleepMs;
      this.arm(wait);
    } catch (err) {
      this.log?.error({ err }, 'job worker cycle failed');
      if (!this.stopped) this.arm(5_000);
    }
  }

  /** Claims and runs every job due now; returns how many ran. Tests call it with a moved clock. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const db = this.database.db;
      const batch = await db.transaction((tx) =>
        claimDueJobs(tx, this.clock.now(), 20, leaseMs, this.orgIds),
      );
      if (batch.length === 0) return ran;
      for (const job of batch) {
        await this.runOne(job);
        ran++;
      }
    }
  }

  private async runOne(job: JobRow): Promise<void> {
    const definition = this.registry[job.name];
    try {
      if (!definition) throw new Error(`no handler for job ${job.name}`);
      const payload = definition.payload.parse(job.payload);
      const run = async (db: Tx) => {
        const outcome = await definition.handle(db, payload, { clock: this.clock, job });
        if (outcome) await rescheduleJob(db, job.id, outcome.again);
        else await finishJob(db, job.id);
      };
      if (definition.ownCommits) await run(this.database.db as unknown as Tx);
      else await this.database.db.transaction(run);
    } catch (err) {
      // attempts counts this try (the claim counted it): 10 s after the first failure, then doubling.
      const backoff = Math.min(3_600_000, 10_000 * 2 ** Math.min(job.attempts - 1, 9));
      this.log?.error({ err, job: job.name, id: job.id }, 'job failed; will retry');
      await retryJob(
        this.database.db,
        job.id,
        String(err),
        new Date(this.clock.now().getTime() + backoff),
      );
    }
  }
}
