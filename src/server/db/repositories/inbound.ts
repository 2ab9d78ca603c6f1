import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { contactEmails, inboundEmails, requestMessages, requests } from '../schema';

/** An incoming email row. */
export type InboundRow = typeof inboundEmails.$inferSelect;

/** Stores an incoming email as it arrived. */
export async function insertInbound(
  db: Executor,
  values: typeof inboundEmails.$inferInsert,
): Promise<InboundRow> {
  const [row] = await db.insert(inboundEmails).values(values).returning();
  return row!;
}

/** An incoming email, locked for processing. */
export async function lockInbound(db: Executor, id: string): Promise<InboundRow | undefined> {
  const [row] = await db.select().from(inboundEmails).where(eq(inboundEmails.id, id)).for('update');
  return row;
}

/** Records what processing made of an incoming email. */
export async function finishInbound(
  db: Executor,
  id: string,
  values: Pick<typeof inboundEmails.$inferInsert, 'state' | 'outcome' | 'orgId' | 'error'> & {
    processedAt: Date;
  },
): Promise<void> {
  await db.update(inboundEmails).set(values).where(eq(inboundEmails.id, id));
}

/** A request by id in any organization (a verified reply address names it). */
export async function requestById(db: Executor, id: string) {
  const [row] = await db.select().from(requests).where(eq(requests.id, id));
  return row;
}

/** The request of the organization holding a message with one of these Message-IDs. */
export async function requestOfEmailMessage(
  db: Executor,
  orgId: string,
  messageIds: string[],
): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const [row] = await db
    .select({ requestId: requestMessages.requestId })
    .from(requestMessages)
    .where(
      and(
        eq(requestMessages.orgId, orgId),
        sql`${requestMessages.emailMessageId} in ${messageIds}`,
      ),
    )
    .limit(1);
  return row?.requestId;
}

/** A contact's email addresses, lower-cased. */
export async function addressesOf(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<string[]> {
  const rows = await db
    .select({ address: contactEmails.address })
    .from(contactEmails)
    .where(and(eq(contactEmails.orgId, orgId), eq(contactEmails.contactId, contactId)));
  return rows.map((r) => r.address.toLowerCase());
}
