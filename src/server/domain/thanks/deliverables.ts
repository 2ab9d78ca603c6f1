import type { Clock } from '../../../core/clock';
import { wallToUtc } from '../../../core/business-time/time-zone';
import { promiseLimits } from '../../../shared/promises';
import type { Executor } from '../../db/connection';
import { findGift, type GiftRow } from '../../db/repositories/gifts';
import type { ClockRow } from '../../db/repositories/promises';
import { AppError, notFound } from '../../errors';
import { appendAudit } from '../../db/repositories/audit';
import type { Actor } from '../actor';
import { roundTheClock } from '../promises/calendars';
import { fulfilTarget, planClockStart, type ClockStart } from '../promises/clocks';
import { appendToTimeline } from '../timeline/timeline';
import { readGift } from '../gifts/read-gifts';

/** A deliverable as a grant records it. */
type Deliverable = { description: string; dueOn: string };

const weekMinutes = 7 * 24 * 60;
const minuteMs = 60_000;

/** The promise subject of a grant's deliverable (its index in the grant's list). */
export const deliverableSubject = (giftId: string, index: number) => ({
  type: 'grant_deliverable' as const,
  id: `${giftId}:${index}`,
});

const deliverablesOf = (gift: Pick<GiftRow, 'details'>): Deliverable[] =>
  Array.isArray(gift.details.deliverables) ? (gift.details.deliverables as Deliverable[]) : [];

/** The end of a calendar day in a time zone: the instant the next day begins there. */
function endOfDay(day: string, timeZone: string): Date {
  const next = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  return new Date(wallToUtc(timeZone, next));
}

/**
 * Plans a promise clock for each deliverable of a grant still ahead: the report is owed by the
 * end of its due date in the organization's time zone, round the clock, with a warning a week
 * before. A clock runs at most a year, so one due further ahead starts a year before its date.
 * Deliverables already past when the grant is recorded get no clock (history, not a promise).
 * Pure: the clocks are written with the grant (clockStartWrites).
 */
export function deliverableStarts(
  gift: Pick<GiftRow, 'id' | 'orgId' | 'kind' | 'details'>,
  timeZone: string,
  now: Date,
): ClockStart[] {
  if (gift.kind !== 'grant') return [];
  return deliverablesOf(gift).flatMap((d, index) => {
    const dueAt = endOfDay(d.dueOn, timeZone);
    if (dueAt <= now) return [];
    const minutes = Math.min(
      Math.ceil((dueAt.getTime() - now.getTime()) / minuteMs),
      promiseLimits.maxMinutes,
    );
    const startAt = new Date(dueAt.getTime() - minutes * minuteMs);
    const subject = { ...deliverableSubject(gift.id, index), facts: { roles: [], segments: [] } };
    const target = {
      target: 'report' as const,
      minutes,
      calendarId: null,
      pauseStatuses: [],
      warnBeforeMinutes: Math.min(weekMinutes, minutes),
    };
    return [planClockStart(gift.orgId, subject, null, target, roundTheClock, startAt, now)];
  });
}

/**
 * Records a grant's deliverable as delivered: fulfils its promise (kept when in time), on the
 * funder's timeline, audited. 404 for an unknown grant or index; 422 when already delivered.
 */
export async function deliverGrantReport(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  giftId: string,
  index: number,
) {
  const gift = await findGift(tx, actor.orgId, giftId);
  const item = gift?.kind === 'grant' ? deliverablesOf(gift)[index] : undefined;
  if (!gift || !item) throw notFound('deliverable');
  const now = clock.now();
  const fulfilled: ClockRow | undefined = await fulfilTarget(
    tx,
    clock,
    actor.orgId,
    deliverableSubject(giftId, index),
    'report',
    now,
  );
  if (!fulfilled)
    throw new AppError('rule_violated', 'index: this deliverable has no open promise', [
      { path: 'index', message: 'already delivered, or it had no promise' },
    ]);
  await appendToTimeline(tx, actor, gift.contactId, {
    kind: 'note',
    channel: 'system',
    direction: 'outbound',
    summary: `Grant deliverable delivered: ${item.description}`.slice(0, 2000),
    sourceType: 'gift',
    sourceId: giftId,
    occurredAt: now,
  });
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'grant_deliverable',
    entityId: giftId,
    after: {
      index,
      description: item.description,
      deliveredAt: now.toISOString(),
      kept: fulfilled.kept,
    },
  });
  return readGift(tx, actor, giftId);
}
