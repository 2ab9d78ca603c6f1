import { z } from 'zod';
import { projectClock } from '../../../core/promises/clock-projection';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { clockEvents, lockClock } from '../../db/repositories/promises';
import { calendarFor } from './calendars';
import { raiseAlert } from '../../db/repositories/alerts';
import { applyClockEvents } from './clocks';

/**
 * Payload of the job that fires a clock's warning and breach at their exact instants (`kind`:
 * jobs queued by earlier versions, one per alarm; it no longer matters).
 */
export const checkClockPayload = z.object({
  orgId: z.uuid(),
  clockId: z.uuid(),
  kind: z.enum(['warn', 'breach']).optional(),
});

/**
 * Runs when a clock's next alarm arrives: records `breached` at the due instant once it has
 * passed, else `warned` once the warning instant has; otherwise (paused, fulfilled, moved) it only
 * re-projects. Either way the projection re-arms the clock's job for its next alarm.
 */
export async function checkClock(
  tx: Executor,
  clock: Clock,
  payload: z.infer<typeof checkClockPayload>,
): Promise<void> {
  const now = clock.now();
  const row = await lockClock(tx, payload.orgId, payload.clockId);
  if (!row) return;
  const log = (await clockEvents(tx, row.id)).map((e) => ({ type: e.type, at: e.at }));
  const p = projectClock(
    log,
    { minutes: row.minutes, calendar: await calendarFor(tx, row.orgId, row.calendarId) },
    now,
  );
  if (p.state !== 'running' || !p.dueAt) {
    await applyClockEvents(tx, row, [], now);
    return;
  }
  if (now >= p.dueAt) {
    await applyClockEvents(tx, row, [{ type: 'breached', at: p.dueAt }], now);
    return;
  }
  const warnAt = new Date(p.dueAt.getTime() - row.warnBeforeMinutes * 60_000);
  if (row.warnBeforeMinutes > 0 && !p.warnedAt && now >= warnAt) {
    await applyClockEvents(
      tx,
      row,
      [{ type: 'warned', at: now, data: { dueAt: p.dueAt.toISOString() } }],
      now,
    );
    // Staff see it in the app until the promise is kept, broken or cancelled.
    await raiseAlert(tx, {
      orgId: row.orgId,
      kind: 'promise_due_soon',
      message: `${row.target.replace('_', ' ')} for ${row.subjectType} ${row.subjectId} is due at ${p.dueAt.toISOString()}`,
      data: {
        clockId: row.id,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        target: row.target,
        dueAt: p.dueAt.toISOString(),
      },
      createdAt: now,
    });
    return;
  }
  await applyClockEvents(tx, row, [], now);
}
