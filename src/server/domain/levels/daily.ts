import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import { localDate, wallToUtc } from '../../../core/business-time/time-zone';
import type { Executor } from '../../db/connection';
import { upsertJob } from '../../db/repositories/jobs';
import { listLevels } from '../../db/repositories/levels';
import { findOrganization } from '../../db/repositories/organizations';
import { systemActor } from '../actor';
import { placeEveryDonor } from './place-donor';

/** The daily job that places an organization's donors again as the rolling windows move. */
export const levelsDailyJob = 'levels.daily';

/** Its payload: the organization. */
export const levelsDailyPayload = z.object({ orgId: z.uuid() });

/** Ten past midnight tomorrow in the organization's time zone: the first moment windows moved. */
export function nextLocalMidnight(now: Date, timeZone: string): Date {
  const [y, m, d] = localDate(now, timeZone).split('-').map(Number) as [number, number, number];
  return new Date(wallToUtc(timeZone, Date.UTC(y, m - 1, d + 1, 0, 10)));
}

const rolling = (levels: { window: string }[]) => levels.some((l) => l.window !== 'lifetime');

/**
 * Schedules the daily placement when the organization has a level with a rolling window (the
 * last 12 months, this year): a gift leaving the window, or the new year, can move a donor
 * down without any gift being recorded. One job per organization (keyed), moved, never doubled.
 */
export async function scheduleDailyPlacement(tx: Executor, clock: Clock, orgId: string) {
  if (!rolling(await listLevels(tx, orgId))) return;
  const org = await findOrganization(tx, orgId);
  await upsertJob(tx, {
    orgId,
    name: levelsDailyJob,
    key: `levels:${orgId}:daily`,
    payload: { orgId },
    runAt: nextLocalMidnight(clock.now(), org?.timeZone ?? 'UTC'),
  });
}

/**
 * The daily run: places every donor again, then runs again tomorrow while a rolling level is
 * left (a job with only lifetime levels ends: those move only with gifts).
 */
export async function runDailyPlacement(
  tx: Executor,
  clock: Clock,
  { orgId }: z.infer<typeof levelsDailyPayload>,
): Promise<void | { again: Date }> {
  await placeEveryDonor(tx, clock, systemActor(orgId));
  if (!rolling(await listLevels(tx, orgId))) return;
  const org = await findOrganization(tx, orgId);
  return { again: nextLocalMidnight(clock.now(), org?.timeZone ?? 'UTC') };
}
