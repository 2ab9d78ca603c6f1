import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { fundInput, programInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  findProgram,
  insertFund,
  insertProgram,
  listFunds,
  listPrograms,
} from '../../db/repositories/funds';
import { invalid } from '../../errors';
import { presentFund, presentProgram } from '../../presenters/gift';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';

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
  return view;
}

/** Programs in the order they were made, page by page. */
export async function listProgramPage(
  db: Executor,
  actor: Actor,
  q: { cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, idCursor)?.i;
  return page(await listPrograms(db, actor.orgId, after, q.limit + 1), q.limit, presentProgram);
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
  return view;
}

/** Funds in the order they were made, page by page. */
export async function listFundPage(
  db: Executor,
  actor: Actor,
  q: { cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, idCursor)?.i;
  return page(await listFunds(db, actor.orgId, after, q.limit + 1), q.limit, presentFund);
}
