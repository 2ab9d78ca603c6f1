import type { InteractionRow } from '../db/repositories/interactions';

/** The staff view of one timeline entry. */
export function presentInteraction(r: InteractionRow) {
  return {
    id: r.id,
    contactId: r.contactId,
    kind: r.kind,
    channel: r.channel,
    direction: r.direction,
    summary: r.summary,
    source: r.sourceType ? { type: r.sourceType, id: r.sourceId } : null,
    occurredAt: r.occurredAt.toISOString(),
    actorUserId: r.actorUserId,
  };
}

/** A presented timeline entry. */
export type InteractionView = ReturnType<typeof presentInteraction>;
