import { and, desc, eq, inArray, lt, notInArray, or } from 'drizzle-orm';
import type { Executor } from '../connection';
import { insertRows } from '../write-together';
import { interactions } from '../schema';

/** A timeline row. */
export type InteractionRow = typeof interactions.$inferSelect;

/** Appends to the timeline (any module). */
export async function insertInteraction(
  db: Executor,
  values: typeof interactions.$inferInsert,
): Promise<InteractionRow> {
  const [row] = await db.insert(interactions).values(values).returning();
  return row!;
}

/** The statement that inserts interactions (await it, or send it with writeTogether). */
export function insertInteractionsQuery(rows: (typeof interactions.$inferInsert)[]) {
  return insertRows(interactions, rows);
}

/** A contact's timeline, newest first, after a (occurredAt, id) position; kinds and channels narrow it. */
export async function timelinePage(
  db: Executor,
  orgId: string,
  contactId: string,
  opts: {
    before?: { at: Date; id: string };
    limit: number;
    kinds?: string[];
    /** Kinds the reader may not see. */
    hiddenKinds?: string[];
    channels?: string[];
  },
): Promise<InteractionRow[]> {
  const b = opts.before;
  return db
    .select()
    .from(interactions)
    .where(
      and(
        eq(interactions.orgId, orgId),
        eq(interactions.contactId, contactId),
        opts.kinds?.length
          ? inArray(interactions.kind, opts.kinds as InteractionRow['kind'][])
          : undefined,
        opts.hiddenKinds?.length
          ? notInArray(interactions.kind, opts.hiddenKinds as InteractionRow['kind'][])
          : undefined,
        opts.channels?.length
          ? inArray(interactions.channel, opts.channels as InteractionRow['channel'][])
          : undefined,
        b
          ? or(
              lt(interactions.occurredAt, b.at),
              and(eq(interactions.occurredAt, b.at), lt(interactions.id, b.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(opts.limit);
}
