import { z } from 'zod';
import { localDate } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import { compareLevels, windowStart } from '../../../core/levels/place';
import type { LevelInput, LevelPatch } from '../../../shared/schemas/levels';
import type { Db, Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  deleteLevelRow,
  findLevel,
  findLevelBySlug,
  insertLevel,
  levelDonorCount,
  levelDonorRows,
  listLevels,
  updateLevelRow,
  type LevelRow,
} from '../../db/repositories/levels';
import { findOrganization } from '../../db/repositories/organizations';
import { AppError, notFound } from '../../errors';
import { presentLevel, presentLevelDonor, type LevelView } from '../../presenters/level';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';
import { checkVersion } from '../versioning';
import { scheduleDailyPlacement } from './daily';
import { placeEveryDonor } from './place-donor';

/** More levels than anyone can tell apart; the list is one page. */
export const maxLevels = 50;

const slugTaken = (slug: string) =>
  new AppError('conflict', `slug: another level is called "${slug}"`, [
    { path: 'slug', message: 'already used by another level' },
  ]);

/**
 * Creates a level and places every donor of the organization again in the same transaction
 * (the answer's donorCount is already true); a rolling window schedules the daily placement.
 */
export async function createLevel(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: LevelInput,
): Promise<LevelView> {
  if (await findLevelBySlug(tx, actor.orgId, input.slug)) throw slugTaken(input.slug);
  if ((await listLevels(tx, actor.orgId)).length >= maxLevels)
    throw new AppError('rule_violated', `an organization has at most ${maxLevels} donor levels`);
  const now = clock.now();
  const row = await insertLevel(tx, {
    orgId: actor.orgId,
    ...input,
    createdAt: now,
    updatedAt: now,
  });
  await placeEveryDonor(tx, clock, actor);
  await scheduleDailyPlacement(tx, clock, actor.orgId);
  const view = presentLevel(row, await levelDonorCount(tx, actor.orgId, row.id));
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'donor_level',
    entityId: row.id,
    after: view,
  });
  return view;
}

/** The organization's levels, highest first. */
export async function listLevelViews(db: Executor, actor: Actor): Promise<Page<LevelView>> {
  const rows = await listLevels(db, actor.orgId);
  rows.sort(compareLevels);
  return { data: rows.map((r) => presentLevel(r, r.donorCount)), nextCursor: null };
}

/** One level. */
export async function getLevel(db: Executor, actor: Actor, id: string): Promise<LevelView> {
  const row = await findLevel(db, actor.orgId, id);
  if (!row) throw notFound('donor level');
  return presentLevel(row, await levelDonorCount(db, actor.orgId, id));
}

/**
 * Changes a level (If-Match: its version). A new minimum, currency or window places every donor
 * again in the same transaction; a new name or slug moves nobody.
 */
export async function updateLevel(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  input: LevelPatch,
  expectedVersion?: number,
): Promise<LevelView> {
  return db.transaction(async (tx) => {
    const before = await findLevel(tx, actor.orgId, id);
    if (!before) throw notFound('donor level');
    checkVersion('donor level', before.version, expectedVersion);
    if (input.slug !== undefined && input.slug !== before.slug)
      if (await findLevelBySlug(tx, actor.orgId, input.slug)) throw slugTaken(input.slug);
    const after = (await updateLevelRow(tx, actor.orgId, id, {
      ...input,
      updatedAt: clock.now(),
    }))!;
    const rules = (l: LevelRow) => `${l.minAmount} ${l.currency} ${l.window}`;
    if (rules(after) !== rules(before)) {
      await placeEveryDonor(tx, clock, actor);
      await scheduleDailyPlacement(tx, clock, actor.orgId);
    }
    const count = await levelDonorCount(tx, actor.orgId, id);
    const view = presentLevel(after, count);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'donor_level',
      entityId: id,
      before: presentLevel(before, count),
      after: view,
    });
    return view;
  });
}

/**
 * Deletes a level (If-Match optional): its donors first move to the next level down, or leave,
 * each with an entry on their timeline; then the level goes.
 */
export async function deleteLevel(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findLevel(tx, actor.orgId, id);
    if (!before) throw notFound('donor level');
    checkVersion('donor level', before.version, expectedVersion);
    const count = await levelDonorCount(tx, actor.orgId, id);
    await placeEveryDonor(tx, clock, actor, { without: id });
    await deleteLevelRow(tx, actor.orgId, id);
    await appendAudit(tx, actor, {
      action: 'delete',
      entityType: 'donor_level',
      entityId: id,
      before: presentLevel(before, count),
    });
  });
}

const donorCursor = z.object({ n: z.string(), i: z.uuid() });

/** The donors in a level by name, page by page, each with their qualifying total. */
export async function listLevelDonors(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  q: { cursor?: string; limit: number },
) {
  const level = await findLevel(db, actor.orgId, id);
  if (!level) throw notFound('donor level');
  const org = await findOrganization(db, actor.orgId);
  const start = windowStart(level.window, localDate(clock.now(), org?.timeZone ?? 'UTC'));
  const after = decodeCursor(q.cursor, donorCursor);
  const rows = await levelDonorRows(db, actor.orgId, level, start, after, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentLevelDonor(r, level.currency)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ n: last.name, i: last.id }) : null,
  };
}
