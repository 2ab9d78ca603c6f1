import { and, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import {
  contactEmails,
  contacts,
  portalSessions,
  portalSignIns,
  requestMessages,
  requests,
  users,
} from '../schema';

/** Stores a sign-in link (its secret's hash). */
export async function insertSignIn(
  db: Executor,
  values: typeof portalSignIns.$inferInsert,
): Promise<void> {
  await db.insert(portalSignIns).values(values);
}

/** Sign-in links sent to a contact since an instant (to limit how many one address receives). */
export async function signInsSince(
  db: Executor,
  orgId: string,
  contactId: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(portalSignIns)
    .where(
      and(
        eq(portalSignIns.orgId, orgId),
        eq(portalSignIns.contactId, contactId),
        gt(portalSignIns.createdAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Uses a sign-in link: marks it used in the same statement that finds it, so a link works once
 * even when two tabs open it at the same moment. Undefined when unknown, used or expired.
 */
export async function useSignIn(db: Executor, orgId: string, tokenHash: string, now: Date) {
  const [row] = await db
    .update(portalSignIns)
    .set({ usedAt: now })
    .where(
      and(
        eq(portalSignIns.orgId, orgId),
        eq(portalSignIns.tokenHash, tokenHash),
        isNull(portalSignIns.usedAt),
        gt(portalSignIns.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Whether this address of the contact may be written to (it is theirs and not bouncing). */
export async function isLiveAddressOf(
  db: Executor,
  orgId: string,
  contactId: string,
  address: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: contactEmails.id })
    .from(contactEmails)
    .where(
      and(
        eq(contactEmails.orgId, orgId),
        eq(contactEmails.contactId, contactId),
        eq(contactEmails.address, address),
        isNull(contactEmails.bouncedAt),
      ),
    );
  return row !== undefined;
}

/** Stores a portal session (its secret's hash). */
export async function insertPortalSession(
  db: Executor,
  values: typeof portalSessions.$inferInsert,
): Promise<void> {
  await db.insert(portalSessions).values(values);
}

/** The live portal session with this hash, with its contact (not deleted). */
export async function findLivePortalSession(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: portalSessions, contact: contacts })
    .from(portalSessions)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, portalSessions.orgId), eq(contacts.id, portalSessions.contactId)),
    )
    .where(
      and(
        eq(portalSessions.tokenHash, tokenHash),
        gt(portalSessions.expiresAt, now),
        isNull(contacts.deletedAt),
      ),
    );
  return row;
}

/** Ends a portal session. */
export async function deletePortalSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(portalSessions).where(eq(portalSessions.tokenHash, tokenHash));
}

/** Removes expired links and sessions (housekeeping). */
export async function deleteExpiredPortalRows(db: Executor, now: Date): Promise<void> {
  await db.delete(portalSignIns).where(lt(portalSignIns.expiresAt, now));
  await db.delete(portalSessions).where(lt(portalSessions.expiresAt, now));
}

/** A contact's own requests, newest first (at most `limit`). */
export async function requestsOfRequester(
  db: Executor,
  orgId: string,
  contactId: string,
  limit: number,
) {
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.orgId, orgId), eq(requests.requesterId, contactId)))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(limit);
}

/** One request if this contact raised it. */
export async function requestOfRequester(
  db: Executor,
  orgId: string,
  contactId: string,
  requestId: string,
) {
  const [row] = await db
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.orgId, orgId),
        eq(requests.id, requestId),
        eq(requests.requesterId, contactId),
      ),
    );
  return row;
}

/**
 * The public conversation of requests, oldest first, with the first name of each staff author:
 * internal notes never leave this query.
 */
export async function publicMessagesOf(db: Executor, orgId: string, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({
      id: requestMessages.id,
      requestId: requestMessages.requestId,
      author: requestMessages.author,
      authorContactId: requestMessages.authorContactId,
      body: requestMessages.body,
      createdAt: requestMessages.createdAt,
      staffName: sql<string | null>`split_part(${users.name}, ' ', 1)`,
    })
    .from(requestMessages)
    .leftJoin(
      users,
      and(eq(users.orgId, requestMessages.orgId), eq(users.id, requestMessages.authorUserId)),
    )
    .where(
      and(
        eq(requestMessages.orgId, orgId),
        inArray(requestMessages.requestId, requestIds),
        eq(requestMessages.visibility, 'public'),
      ),
    )
    .orderBy(requestMessages.createdAt, requestMessages.seq);
}
