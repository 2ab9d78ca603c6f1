import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { LogInteractionInput } from '../../../shared/schemas/contacts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact } from '../../db/repositories/contacts';
import {
  insertInteraction,
  timelinePage,
  type InteractionRow,
} from '../../db/repositories/interactions';
import { notFound } from '../../errors';
import { actorCan } from '../../policies';
import { presentInteraction, type InteractionView } from '../../presenters/interaction';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';

/**
 * Appends an interaction to a contact's timeline, in the caller's transaction. Every module
 * (requests, gifts, shifts…) calls this; it does not audit, the source record's change is audited.
 */
export async function appendToTimeline(
  tx: Executor,
  actor: Actor,
  contactId: string,
  entry: TimelineEntry,
): Promise<InteractionRow> {
  return insertInteraction(tx, timelineRow(actor, contactId, entry));
}

/** What goes on a timeline. */
export type TimelineEntry = Omit<LogInteractionInput, 'occurredAt'> & { occurredAt: Date };

/** The row of a timeline entry, to write together with the change it records. */
export function timelineRow(actor: Actor, contactId: string, entry: TimelineEntry) {
  return {
    orgId: actor.orgId,
    contactId,
    kind: entry.kind,
    channel: entry.channel,
    direction: entry.direction,
    summary: entry.summary,
    sourceType: entry.sourceType ?? null,
    sourceId: entry.sourceId ?? null,
    occurredAt: entry.occurredAt,
    actorUserId: actor.userId,
  };
}

/** Staff log a call, meeting or note on a contact; audited like any change. */
export async function logInteraction(
  db: Executor,
  clock: Clock,
  actor: Actor,
  contactId: string,
  input: LogInteractionInput,
): Promise<InteractionView> {
  return db.transaction(async (tx) => {
    if (!(await findContact(tx, actor.orgId, contactId))) throw notFound('contact');
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : clock.now();
    const row = await appendToTimeline(tx, actor, contactId, { ...input, occurredAt });
    const view = presentInteraction(row);
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'interaction',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

const fundraisingKinds = ['gift', 'thanks'];

const cursorShape = z.object({ t: z.iso.datetime(), i: z.uuid() });

/** A contact's timeline, newest first, page by page, optionally only some kinds and channels. */
export async function readTimeline(
  db: Executor,
  actor: Actor,
  contactId: string,
  page: { cursor?: string; limit: number; kinds?: string[]; channels?: string[] },
): Promise<Page<InteractionView>> {
  if (!(await findContact(db, actor.orgId, contactId))) throw notFound('contact');
  const c = decodeCursor(page.cursor, cursorShape);
  const rows = await timelinePage(db, actor.orgId, contactId, {
    before: c && { at: new Date(c.t), id: c.i },
    limit: page.limit + 1,
    kinds: page.kinds,
    // Gifts and thank-yous are fundraising data: only roles that may read gifts see them here.
    hiddenKinds: actorCan(actor, 'gifts.read') ? [] : fundraisingKinds,
    channels: page.channels,
  });
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(presentInteraction),
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor({ t: last.occurredAt.toISOString(), i: last.id })
        : null,
  };
}
