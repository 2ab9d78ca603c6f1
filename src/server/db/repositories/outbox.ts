import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../connection';
import { contactEmails, outbox, requestMessages } from '../schema';
import { insertRows } from '../write-together';

/** An outbox row. */
export type OutboxRow = typeof outbox.$inferSelect;

/** The statement that queues planned emails (for writeTogether). */
export function insertOutboxQuery(
  rows: (typeof outbox.$inferInsert & { id: string })[],
  onlyIf?: SQL,
) {
  return insertRows(outbox, rows, undefined, onlyIf);
}

/** An outbox row. */
export async function findOutboxRow(db: Executor, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/**
 * Marks a row as being sent, only if nobody has: undelivered, not failed, not already being
 * sent. Committed on its own, so whoever gets the row back is the one sender.
 */
export async function claimForSending(
  db: Executor,
  id: string,
  at: Date,
): Promise<OutboxRow | undefined> {
  const [row] = await db
    .update(outbox)
    .set({ sendingAt: at })
    .where(
      and(
        eq(outbox.id, id),
        isNull(outbox.deliveredAt),
        isNull(outbox.failedAt),
        isNull(outbox.sendingAt),
      ),
    )
    .returning();
  return row;
}

/** Records what became of a delivery. */
export async function updateOutboxRow(
  db: Executor,
  id: string,
  values: Partial<typeof outbox.$inferInsert>,
): Promise<void> {
  await db.update(outbox).set(values).where(eq(outbox.id, id));
}

/** The Message-IDs of a request's conversation so far, oldest first (for References). */
export async function threadMessageIds(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: requestMessages.emailMessageId })
    .from(requestMessages)
    .where(
      and(
        eq(requestMessages.orgId, orgId),
        eq(requestMessages.requestId, requestId),
        eq(requestMessages.visibility, 'public'), // a note's mail is not the requester's business
        isNotNull(requestMessages.emailMessageId),
      ),
    )
    .orderBy(requestMessages.seq);
  return rows.map((r) => r.id!);
}

/** Notes the Message-ID a message went out with, so a reply to it threads. */
export async function setMessageEmailId(
  db: Executor,
  orgId: string,
  messageId: string,
  emailMessageId: string,
): Promise<void> {
  await db
    .update(requestMessages)
    .set({ emailMessageId })
    .where(and(eq(requestMessages.orgId, orgId), eq(requestMessages.id, messageId)));
}

/** Marks an address as bouncing in every contact of the organization that has it. */
export async function markAddressBounced(
  db: Executor,
  orgId: string,
  address: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(contactEmails)
    .set({ bouncedAt: at })
    .where(
      and(
        eq(contactEmails.orgId, orgId),
        sql`lower(${contactEmails.address}) = ${address.toLowerCase()}`,
      ),
    )
    .returning({ id: contactEmails.id });
  return rows.length;
}

/** The request a Message-ID we sent belongs to. */
export async function requestOfSentMessage(
  db: Executor,
  orgIds: string[],
  messageIds: string[],
): Promise<{ orgId: string; requestId: string } | undefined> {
  if (orgIds.length === 0 || messageIds.length === 0) return undefined;
  const [row] = await db
    .select({ orgId: outbox.orgId, requestId: outbox.requestId })
    .from(outbox)
    .where(
      and(
        inArray(outbox.orgId, orgIds),
        inArray(outbox.messageId, messageIds),
        isNotNull(outbox.requestId),
      ),
    )
    .limit(1);
  return row?.requestId ? { orgId: row.orgId, requestId: row.requestId } : undefined;
}

/** Drops an organization's undelivered emails and their delivery jobs (demo history sends none). */
export async function dropPendingEmails(db: Executor, orgId: string): Promise<number> {
  await db.execute(
    sql`delete from jobs where org_id = ${orgId} and name = 'email.deliver'
        and payload->>'outboxId' in (select id::text from outbox where org_id = ${orgId}
          and delivered_at is null)`,
  );
  const rows = await db
    .delete(outbox)
    .where(and(eq(outbox.orgId, orgId), isNull(outbox.deliveredAt)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** The Message-IDs of the latest mail delivered to an address (a bounce must quote one). */
export async function sentMessageIds(
  db: Executor,
  orgId: string,
  recipient: string,
): Promise<string[]> {
  const rows = await db
    .select({ messageId: outbox.messageId })
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, orgId),
        sql`lower(${outbox.recipient}) = ${recipient.toLowerCase()}`,
        isNotNull(outbox.messageId),
      ),
    )
    .orderBy(sql`${outbox.createdAt} desc`)
    .limit(50);
  return rows.map((r) => r.messageId!);
}

/** The address Tend writes to a contact at: the primary one that does not bounce, if any. */
export async function mailableAddress(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ address: string | null }>(
    db,
    sql`select ${mailableAddressOf(sql`${orgId}::uuid`, sql`${contactId}::uuid`)} as address`,
  );
  return row?.address ?? undefined;
}

/**
 * The one rule for the address Tend writes to a contact at, as a scalar subquery (intake reads
 * it along with the requester): the primary one that does not bounce, else another that does not.
 */
export const mailableAddressOf = (orgId: SQL, contactId: SQL) =>
  sql`(select e.address from contact_emails e where e.org_id = ${orgId}
    and e.contact_id = ${contactId} and e.bounced_at is null
    order by e.is_primary desc, e.address limit 1)`;
