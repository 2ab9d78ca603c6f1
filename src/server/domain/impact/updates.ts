import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { ImpactUpdateChanges, ImpactUpdateInput } from '../../../shared/schemas/impact';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findProgram } from '../../db/repositories/funds';
import {
  deleteImpactUpdate,
  findImpactUpdate,
  insertImpactUpdate,
  listImpactUpdates,
  updateImpactUpdate,
  type ImpactUpdateFilter,
  type ImpactUpdateRow,
} from '../../db/repositories/impact';
import { AppError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';
import { checkContentTag, contentTag } from '../versioning';

/** An impact update as the API answers it; `etag` is what If-Match must name to change it. */
export type ImpactUpdateView = {
  id: string;
  programId: string;
  programName: string;
  periodFrom: string;
  periodTo: string;
  language: string;
  title: string;
  story: string;
  figures: { label: string; value: number; unit?: string }[];
  translations: Record<string, { title: string; story: string; figureLabels?: string[] }>;
  publishedAt: string;
  createdAt: string;
  etag: string;
};

/** What an update says: its tag changes with any of it (updates carry no version number). */
const saidBy = (row: ImpactUpdateRow) => [
  row.programId,
  row.periodFrom,
  row.periodTo,
  row.language,
  row.title,
  row.story,
  row.figures,
  row.translations,
];

/** Presents an update. */
export function presentImpactUpdate(row: ImpactUpdateRow, programName: string): ImpactUpdateView {
  return {
    id: row.id,
    programId: row.programId,
    programName,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    language: row.language,
    title: row.title,
    story: row.story,
    figures: row.figures,
    translations: row.translations,
    publishedAt: row.publishedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    etag: contentTag(saidBy(row)),
  };
}

/** Figure labels of each translation may not outnumber the figures. */
function checkTranslations(u: Pick<ImpactUpdateRow, 'figures' | 'translations' | 'language'>) {
  for (const [lang, t] of Object.entries(u.translations))
    if ((t.figureLabels?.length ?? 0) > u.figures.length)
      throw new AppError('validation_failed', 'more figure labels than figures', [
        { path: `translations.${lang}.figureLabels`, message: 'more labels than figures' },
      ]);
}

/** A program posts an update: a story and figures about a period. */
export async function createImpactUpdate(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  programId: string,
  input: ImpactUpdateInput,
): Promise<ImpactUpdateView> {
  const program = await findProgram(tx, actor.orgId, programId);
  if (!program) throw notFound('program');
  const now = clock.now();
  checkTranslations(input);
  const row = await insertImpactUpdate(tx, {
    orgId: actor.orgId,
    programId,
    ...input,
    publishedAt: now,
    createdByUserId: actor.userId,
    createdAt: now,
  });
  const view = presentImpactUpdate(row, program.name);
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'impact_update',
    entityId: row.id,
    after: view,
  });
  return view;
}

/** Changes an update (If-Match: its etag, when sent); what is left out stays. */
export async function changeImpactUpdate(
  tx: Executor,
  actor: Actor,
  id: string,
  changes: ImpactUpdateChanges,
  ifMatch: string | undefined,
): Promise<ImpactUpdateView> {
  const row = await findImpactUpdate(tx, actor.orgId, id, true);
  if (!row) throw notFound('impact update');
  checkContentTag('update', saidBy(row), ifMatch);
  const next = { ...row, ...changes };
  if (next.periodTo < next.periodFrom)
    throw new AppError('validation_failed', 'the period ends before it starts', [
      { path: 'periodTo', message: 'before periodFrom' },
    ]);
  checkTranslations(next);
  const saved = await updateImpactUpdate(tx, actor.orgId, id, changes);
  const program = await findProgram(tx, actor.orgId, saved.programId);
  const before = presentImpactUpdate(row, program?.name ?? '');
  const after = presentImpactUpdate(saved, program?.name ?? '');
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'impact_update',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Deletes an update (a mistake posted); audited with what it said. */
export async function removeImpactUpdate(tx: Executor, actor: Actor, id: string): Promise<void> {
  const row = await findImpactUpdate(tx, actor.orgId, id, true);
  if (!row) throw notFound('impact update');
  await deleteImpactUpdate(tx, actor.orgId, id);
  await appendAudit(tx, actor, {
    action: 'delete',
    entityType: 'impact_update',
    entityId: id,
    before: presentImpactUpdate(row, ''),
  });
}

/** One update of the organization. */
export async function readImpactUpdate(db: Executor, actor: Actor, id: string) {
  const row = await findImpactUpdate(db, actor.orgId, id);
  if (!row) throw notFound('impact update');
  const program = await findProgram(db, actor.orgId, row.programId);
  return presentImpactUpdate(row, program?.name ?? '');
}

const offsetCursor = z.object({ o: z.int().min(0) });

/** Updates, the latest period first, page by page (of a program, or overlapping a period). */
export async function listImpactUpdatePage(
  db: Executor,
  actor: Actor,
  f: ImpactUpdateFilter & { programId?: string; cursor?: string; limit: number },
): Promise<Page<ImpactUpdateView>> {
  if (f.programId && !(await findProgram(db, actor.orgId, f.programId))) throw notFound('program');
  const offset = decodeCursor(f.cursor, offsetCursor)?.o ?? 0;
  const filter = { ...f, programIds: f.programId ? [f.programId] : undefined };
  const rows = await listImpactUpdates(db, actor.orgId, filter, f.limit + 1, offset);
  return {
    data: rows.slice(0, f.limit).map((r) => presentImpactUpdate(r.u, r.programName)),
    nextCursor: rows.length > f.limit ? encodeCursor({ o: offset + f.limit }) : null,
  };
}
