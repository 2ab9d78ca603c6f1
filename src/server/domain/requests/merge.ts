import { and, eq, or } from 'drizzle-orm';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  findRequest,
  insertMessage,
  lockRequest,
  updateRequestRow,
} from '../../db/repositories/requests';
import { requestLinks, requestMessages, requests } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import { presentRequest, reference, type RequestView } from '../../presenters/request';
import type { Actor } from '../actor';
import { cancelPromises, combinePromises, subjectChanged } from '../promises/clocks';
import { requestSubject } from './subject';
import { appendToTimeline } from '../timeline/timeline';
import { inLine, refreshTeamLine } from './team-line';

/**
 * Merges one request into another: its conversation moves to the target (in order, with a note
 * saying so), the promises combine — for each target the one made earlier stands — and it is
 * closed with a link to the target. Both requesters' timelines say so.
 */
export async function mergeRequests(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  sourceId: string,
  targetId: string,
): Promise<RequestView> {
  if (sourceId === targetId) throw invalid('intoId', 'a request cannot be merged into itself');
  const source = await lockRequest(tx, actor.orgId, sourceId);
  if (!source) throw notFound('request');
  const target = await lockRequest(tx, actor.orgId, targetId);
  if (!target) throw invalid('intoId', 'no such request');
  if (source.mergedIntoId) throw new AppError('conflict', `${reference(source)} is already merged`);
  if (target.status === 'closed')
    throw new AppError('request_closed', `${reference(target)} is closed`);
  const now = clock.now();
  const moved = await combinePromises(
    tx,
    clock,
    actor.orgId,
    { type: 'request', id: source.id },
    { type: 'request', id: target.id },
  );
  // Moved clocks follow the surviving request's status (pause, resume) and its policy.
  if (moved.length) await subjectChanged(tx, clock, actor.orgId, await requestSubject(tx, target));
  // Another person's conversation arrives as internal notes: the target's requester (by email
  // or on the portal) never reads what someone else wrote or was told.
  const otherPerson = source.requesterId !== target.requesterId;
  await tx
    .update(requestMessages)
    .set({ requestId: target.id, ...(otherPerson ? { visibility: 'internal' as const } : {}) })
    .where(and(eq(requestMessages.orgId, actor.orgId), eq(requestMessages.requestId, source.id)));
  await insertMessage(tx, {
    orgId: actor.orgId,
    requestId: target.id,
    visibility: 'internal',
    author: 'system',
    authorUserId: actor.userId,
    channel: 'api',
    body: `${reference(source)} (“${source.subject}”) was merged into this request.${otherPerson ? ' It came from another person, so its messages are internal notes here.' : ''}${moved.length ? ` Its earlier promises now apply here: ${moved.join(', ').replace(/_/g, ' ')}.` : ''}`,
    automatic: true,
    createdAt: now,
  });
  await cancelPromises(tx, clock, actor.orgId, { type: 'request', id: source.id });
  const closed = await updateRequestRow(tx, actor.orgId, source.id, {
    status: 'closed',
    closedAt: now,
    mergedIntoId: target.id,
    updatedAt: now,
  });
  for (const contactId of new Set([source.requesterId, target.requesterId])) {
    await appendToTimeline(tx, actor, contactId, {
      kind: 'request',
      channel: 'system',
      direction: 'internal',
      summary: `${reference(source)} merged into ${reference(target)}`,
      sourceType: 'request',
      sourceId: target.id,
      occurredAt: now,
    });
  }
  await refreshTeamLine(tx, clock, actor.orgId, source.teamId, inLine(source) ? 1 : 0);
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'request',
    entityId: source.id,
    before: presentRequest(source),
    after: presentRequest(closed),
  });
  return presentRequest((await findRequest(tx, actor.orgId, target.id))!);
}

/** Links two related requests (both ways); linking again changes nothing. */
export async function linkRequests(
  tx: Executor,
  actor: Actor,
  id: string,
  otherId: string,
): Promise<void> {
  if (id === otherId) throw invalid('otherId', 'a request cannot be linked to itself');
  const a = await findRequest(tx, actor.orgId, id);
  if (!a) throw notFound('request');
  const b = await findRequest(tx, actor.orgId, otherId);
  if (!b) throw invalid('otherId', 'no such request');
  const [aId, bId] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  const inserted = await tx
    .insert(requestLinks)
    .values({ orgId: actor.orgId, aId, bId })
    .onConflictDoNothing()
    .returning();
  if (inserted.length) {
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'request_link',
      entityId: `${aId}:${bId}`,
      after: { a: reference(a), b: reference(b) },
    });
  }
}

/** Requests linked to one. */
export async function linkedRequests(
  tx: Executor,
  actor: Actor,
  id: string,
): Promise<RequestView[]> {
  if (!(await findRequest(tx, actor.orgId, id))) throw notFound('request');
  const links = await tx
    .select()
    .from(requestLinks)
    .where(
      and(
        eq(requestLinks.orgId, actor.orgId),
        or(eq(requestLinks.aId, id), eq(requestLinks.bId, id)),
      ),
    );
  const ids = links.map((l) => (l.aId === id ? l.bId : l.aId));
  const rows = [];
  for (const other of ids) {
    const [row] = await tx
      .select()
      .from(requests)
      .where(and(eq(requests.orgId, actor.orgId), eq(requests.id, other)));
    if (row) rows.push(presentRequest(row));
  }
  return rows;
}
