import { z } from 'zod';
import type { Executor } from '../../db/connection';
import {
  findGift,
  giftParts,
  giftRowsAmong,
  pledgePayments,
  listGiftRows,
  thanksClocks,
  thanksQueueRows,
  type GiftFilter,
  type ThanksQueueFilter,
  type GiftRow,
} from '../../db/repositories/gifts';
import { findContact } from '../../db/repositories/contacts';
import { deliverableClocks, usersAmong } from '../../db/repositories/thanks';
import { notFound } from '../../errors';
import { presentGift, type GiftView } from '../../presenters/gift';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';

/** Presents gift rows with their parts and thank-you promises, in two queries per part. */
export async function presentGifts(
  db: Executor,
  orgId: string,
  rows: (GiftRow & { contactName: string })[],
): Promise<GiftView[]> {
  const ids = rows.map((r) => r.id);
  const pledges = rows.filter((r) => r.kind === 'pledge').map((r) => r.id);
  const grants = rows.filter((r) => r.kind === 'grant').map((r) => r.id);
  const thankers = [...new Set(rows.flatMap((r) => (r.thanksUserId ? [r.thanksUserId] : [])))];
  const [parts, clocks, paid, users, reports] = await Promise.all([
    giftParts(db, orgId, ids),
    thanksClocks(db, orgId, ids),
    pledgePayments(db, orgId, pledges),
    usersAmong(db, orgId, thankers),
    deliverableClocks(db, orgId, grants),
  ]);
  return rows.map((r) =>
    presentGift(
      r,
      r.contactName,
      parts,
      clocks.filter((c) => c.subjectId === r.id).at(-1),
      r.kind === 'pledge' ? (paid.get(r.id) ?? 0) : null,
      {
        thanksUser: users.find((u) => u.id === r.thanksUserId),
        deliverableClocks: reports,
      },
    ),
  );
}

/** One gift; 404 when it is not the organization's. */
export async function readGift(db: Executor, actor: Actor, id: string): Promise<GiftView> {
  const row = await findGift(db, actor.orgId, id);
  if (!row) throw notFound('gift');
  const contact = await findContact(db, actor.orgId, row.contactId);
  const [view] = await presentGifts(db, actor.orgId, [
    { ...row, contactName: contact?.name ?? '' },
  ]);
  return view!;
}

const listCursor = z.object({ d: z.iso.date(), i: z.uuid() });

/** Gifts, newest received first, with filters, page by page. */
export async function listGifts(
  db: Executor,
  actor: Actor,
  query: GiftFilter & { cursor?: string; limit: number },
): Promise<Page<GiftView>> {
  const after = decodeCursor(query.cursor, listCursor);
  const rows = await listGiftRows(db, actor.orgId, query, after, query.limit + 1);
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: await presentGifts(db, actor.orgId, pageRows),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ d: last.receivedOn, i: last.id }) : null,
  };
}

const queueCursor = z.object({ t: z.iso.datetime(), i: z.uuid() });

/** A gift in the thank-you queue: the gift, and whether it is a first or a major gift. */
export type QueueView = GiftView & { firstGift: boolean; majorGift: boolean };

/**
 * The thank-you queue: gifts still owed a thank-you, the soonest due (or longest overdue) first,
 * by planned method, by whose task it is (`assignee`: 'me' or a user), kind or donor.
 */
export async function thanksQueue(
  db: Executor,
  actor: Actor,
  query: Omit<ThanksQueueFilter, 'assigneeId'> & {
    assignee?: string;
    cursor?: string;
    limit: number;
  },
): Promise<Page<QueueView>> {
  const after = decodeCursor(query.cursor, queueCursor);
  const assigneeId = query.assignee === 'me' ? (actor.userId ?? undefined) : query.assignee;
  if (query.assignee === 'me' && !assigneeId) return { data: [], nextCursor: null };
  const rows = await thanksQueueRows(
    db,
    actor.orgId,
    { ...query, assigneeId },
    after,
    query.limit + 1,
  );
  const pageRows = rows.slice(0, query.limit);
  const found = await giftRowsAmong(
    db,
    actor.orgId,
    pageRows.map((r) => r.gift_id),
  );
  const byId = new Map(found.map((g) => [g.id, g]));
  const gifts = await presentGifts(
    db,
    actor.orgId,
    pageRows.map((r) => byId.get(r.gift_id)!),
  );
  const last = pageRows.at(-1);
  return {
    data: gifts.map((g, i) => ({
      ...g,
      firstGift: pageRows[i]!.first_gift,
      majorGift: pageRows[i]!.major_gift,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ t: new Date(last.due_at!).toISOString(), i: last.clock_id })
        : null,
  };
}
