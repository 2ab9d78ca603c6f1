import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { fundInput, programInput } from '../../../shared/schemas/gifts';
import type { fundChanges, programChanges } from '../../../shared/schemas/impact';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  findProgram,
  insertFund,
  insertProgram,
  listFunds,
  listPrograms,
} from '../../db/repositories/funds';
import {
  fundsOfProgram,
  lockFund,
  lockProgram,
  updateFund,
  updateProgram,
} from '../../db/repositories/impact';
import { invalid, notFound } from '../../errors';
import { presentFund, presentProgram } from '../../presenters/gift';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';
import { checkContentTag, withContentTag } from '../versioning';

const idCursor = z.object({ i: z.uuid() });

function page<R extends { id: string }, V>(
  rows: R[],
  limit: number,
  present: (r: R) => V,
): Page<V> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor({ i: last.id }) : null,
  };
}

/** Creates a program (what funds pay for; impact updates will report on it). */
export async function createProgram(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: z.infer<typeof programInput>,
) {
  const row = await insertProgram(tx, {
    orgId: actor.orgId,
    name: input.name,
    description: input.description ?? null,
    createdAt: clock.now(),
  });
  const view = presentProgram(row);
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'program',
    entityId: row.id,
    after: view,
  });
  return withContentTag(view);
}

/** Programs in the order they were made, page by page, each with its etag. */
export async function listProgramPage(
  db: Executor,
  actor: Actor,
  q: { cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, idCursor)?.i;
  return page(await listPrograms(db, actor.orgId, after, q.limit + 1), q.limit, (r) =>
    withContentTag(presentProgram(r)),
  );
}

/** Creates a fund, restricted or not, under one of the organization's programs (or none). */
export async function createFund(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: z.infer<typeof fundInput>,
) {
  if (input.programId && !(await findProgram(tx, actor.orgId, input.programId)))
    throw invalid('programId', 'no such program');
  const row = await insertFund(tx, {
    orgId: actor.orgId,
    programId: input.programId ?? null,
    name: input.name,
    restricted: input.restricted,
    description: input.description ?? null,
    createdAt: clock.now(),
  });
  const view = presentFund(row);
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'fund',
    entityId: row.id,
    after: view,
  });
  return withContentTag(view);
}

/** Funds in the order they were made, page by page, each with its etag. */
export async function listFundPage(
  db: Executor,
  actor: Actor,
  q: { cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, idCursor)?.i;
  return page(await listFunds(db, actor.orgId, after, q.limit + 1), q.limit, (r) =>
    withContentTag(presentFund(r)),
  );
}

/** A program with its funds, each with its etag. */
export async function readProgram(db: Executor, actor: Actor, id: string) {
  const row = await findProgram(db, actor.orgId, id);
  if (!row) throw notFound('program');
  const view = presentProgram(row);
  const funds = (await fundsOfProgram(db, actor.orgId, id)).map((f) =>
    withContentTag(presentFund(f)),
  );
  return { ...withContentTag(view), funds };
}

/** Renames or redescribes a program (If-Match: its etag, when sent); audited. */
export async function changeProgram(
  tx: Executor,
  actor: Actor,
  id: string,
  changes: z.infer<typeof programChanges>,
  ifMatch: string | undefined,
) {
  const row = await lockProgram(tx, actor.orgId, id);
  if (!row) throw notFound('program');
  const before = presentProgram(row);
  checkContentTag('program', before, ifMatch);
  const after = presentProgram(await updateProgram(tx, actor.orgId, id, changes));
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'program',
    entityId: id,
    before,
    after,
  });
  return withContentTag(after);
}

/** Changes a fund (If-Match: its etag, when sent); its program must be the organization's. */
export async function changeFund(
  tx: Executor,
  actor: Actor,
  id: string,
  changes: z.infer<typeof fundChanges>,
  ifMatch: string | undefined,
) {
  const row = await lockFund(tx, actor.orgId, id);
  if (!row) throw notFound('fund');
  const before = presentFund(row);
  checkContentTag('fund', before, ifMatch);
  if (changes.programId && !(await findProgram(tx, actor.orgId, changes.programId)))
    throw invalid('programId', 'no such program');
  const after = presentFund(await updateFund(tx, actor.orgId, id, changes));
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'fund',
    entityId: id,
    before,
    after,
  });
  return withContentTag(after);
}
