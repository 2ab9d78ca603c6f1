import type { MessageRow, RequestRow } from '../db/repositories/requests';

/** The human reference of a request: R-1042. */
export const reference = (r: Pick<RequestRow, 'number'>) => `R-${r.number}`;

/** A request as its requester sees it on the portal: no internal fields, no staff identities. */
export function presentPortalRequest(r: RequestRow) {
  return {
    id: r.id,
    reference: reference(r),
    subject: r.subject,
    description: r.description,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    followUpOfId: r.followUpOfId,
  };
}

/** The staff view of a request. */
export function presentRequest(r: RequestRow) {
  return {
    id: r.id,
    reference: reference(r),
    subject: r.subject,
    description: r.description,
    category: r.category,
    priority: r.priority,
    status: r.status,
    channel: r.channel,
    requesterId: r.requesterId,
    assigneeId: r.assigneeId,
    teamId: r.teamId,
    language: r.language,
    tags: r.tags,
    customFields: r.customFields,
    followUpOfId: r.followUpOfId,
    mergedIntoId: r.mergedIntoId,
    nextDueAt: r.nextDueAt?.toISOString() ?? null,
    breached: r.breached,
    firstRespondedAt: r.firstRespondedAt?.toISOString() ?? null,
    solvedAt: r.solvedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
/** A presented request. */
export type RequestView = ReturnType<typeof presentRequest>;

/** A message as staff see it (internal notes included). */
export function presentMessage(m: MessageRow) {
  return {
    id: m.id,
    visibility: m.visibility,
    author: m.author,
    authorUserId: m.authorUserId,
    authorContactId: m.authorContactId,
    channel: m.channel,
    body: m.body,
    automatic: m.automatic,
    fromAddress: m.fromAddress,
    needsReview: m.needsReview,
    createdAt: m.createdAt.toISOString(),
  };
}
/** A presented message. */
export type MessageView = ReturnType<typeof presentMessage>;
