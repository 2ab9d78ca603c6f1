import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  findHousehold,
  householdMembers,
  insertHousehold,
  listHouseholds,
  renameHousehold,
} from '../../db/repositories/households';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';
import { z } from 'zod';

/** A household as the API shows it, with its members. */
export type HouseholdView = {
  id: string;
  name: string;
  members: { id: string; name: string; roles: string[] }[];
  createdAt: string;
};

/** Creates a household; people join it by setting their householdId. */
export async function createHousehold(
  db: Executor,
  clock: Clock,
  actor: Actor,
  name: string,
): Promise<HouseholdView> {
  return db.transaction(async (tx) => {
    const now = clock.now();
    const row = await insertHousehold(tx, {
      orgId: actor.orgId,
      name,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'household',
      entityId: row.id,
      after: { name },
    });
    return { id: row.id, name: row.name, members: [], createdAt: row.createdAt.toISOString() };
  });
}

/** A household with its members; 404 when not the organization's. */
export async function getHousehold(db: Executor, actor: Actor, id: string): Promise<HouseholdView> {
  const row = await findHousehold(db, actor.orgId, id);
  if (!row) throw notFound('household');
  const members = await householdMembers(db, actor.orgId, id);
  return { id: row.id, name: row.name, members, createdAt: row.createdAt.toISOString() };
}

/** Renames a household. */
export async function updateHousehold(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  name: string,
) {
  await db.transaction(async (tx) => {
    const before = await findHousehold(tx, actor.orgId, id);
    if (!before) throw notFound('household');
    await renameHousehold(tx, actor.orgId, id, name, clock.now());
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'household',
      entityId: id,
      before: { name: before.name },
      after: { name },
    });
  });
  return getHousehold(db, actor, id);
}

/** Households of the organization, page by page. */
export async function listHouseholdPage(
  db: Executor,
  actor: Actor,
  page: { cursor?: string; limit: number },
): Promise<Page<HouseholdView>> {
  const after = decodeCursor(page.cursor, z.object({ i: z.uuid() }))?.i;
  const rows = await listHouseholds(db, actor.orgId, after, page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const data = await Promise.all(pageRows.map((r) => getHousehold(db, actor, r.id)));
  const last = pageRows[pageRows.length - 1];
  return {
    data,
    nextCursor: rows.length > page.limit && last ? encodeCursor({ i: last.id }) : null,
  };
}
