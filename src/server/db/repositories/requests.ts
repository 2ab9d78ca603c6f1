import { and, asc, eq, sql } from 'drizzle-orm';
import type { CustomFieldDefinition } from '../../../shared/custom-fields';
import type { Executor } from '../connection';
import { insertRows } from '../write-together';
import { queryRows } from '../connection';
import { deskSettings, requestMessages, requests } from '../schema';

/** The channel on which committed request changes are announced (server-sent events listen). */
export const requestEventsChannel = 'tend_requests';

/** The NOTIFY that tells the live queue a request changed (for writeTogether). */
export const requestNotice = (orgId: string, requestId: string) => ({
  channel: requestEventsChannel,
  payload: JSON.stringify({ o: orgId, r: requestId }),
});

/** Announces, on commit, that a request changed; the live queue refetches it. */
async function announce(db: Executor, orgId: string, requestId: string): Promise<void> {
  const n = requestNotice(orgId, requestId);
  await db.execute(sql`select pg_notify(${n.channel}, ${n.payload})`);
}

/** A request row. */
export type RequestRow = typeof requests.$inferSelect;
/** A message row. */
export type MessageRow = typeof requestMessages.$inferSelect;
/** Desk settings of an organization. */
export type DeskSettings = typeof deskSettings.$inferSelect;

/** The organization's desk settings (defaults until changed). */
export async function deskSettingsOf(db: Executor, orgId: string): Promise<DeskSettings> {
  const [row] = await db.select().from(deskSettings).where(eq(deskSettings.orgId, orgId));
  return row ?? { orgId, categories: [], reopenDays: 7, customFields: [] };
}

/** Saves desk settings. */
export async function saveDeskSettings(
  db: Executor,
  orgId: string,
  values: { categories?: string[]; reopenDays?: number; customFields?: CustomFieldDefinition[] },
) {
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return deskSettingsOf(db, orgId);
  const [row] = await db
    .insert(deskSettings)
    .values({ orgId, ...set })
    .onConflictDoUpdate({ target: deskSettings.orgId, set })
    .returning();
  return row!;
}

/** The statement that inserts fully planned requests (for writeTogether). */
export function insertRequestsQuery(rows: readonly RequestRow[]) {
  return insertRows(requests, rows);
}

/** A request of the organization, by id or by number. */
export async function findRequest(
  db: Executor,
  orgId: string,
  idOrNumber: string | number,
): Promise<RequestRow | undefined> {
  const where =
    typeof idOrNumber === 'number' ? eq(requests.number, idOrNumber) : eq(requests.id, idOrNumber);
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.orgId, orgId), where));
  return row;
}

/** Locks a request for a change. */
export async function lockRequest(
  db: Executor,
  orgId: string,
  id: string,
): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.orgId, orgId), eq(requests.id, id)))
    .for('update');
  return row;
}

/** Changes a request, bumping its version. */
export async function updateRequestRow(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof requests.$inferInsert>,
): Promise<RequestRow> {
  const [row] = await db
    .update(requests)
    .set({ ...values, version: sql`${requests.version} + 1` })
    .where(and(eq(requests.orgId, orgId), eq(requests.id, id)))
    .returning();
  await announce(db, orgId, id);
  return row!;
}

/** Copies the earliest running due time and the breach flag of its clocks onto a request. */
export async function refreshRequestDue(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<void> {
  await db.execute(sql`update requests set
      next_due_at = (select min(due_at) from promise_clocks c where c.org_id = ${orgId}
        and c.subject_type = 'request' and c.subject_id = ${requestId} and c.state = 'running'),
      breached = exists (select 1 from promise_clocks c where c.org_id = ${orgId}
        and c.subject_type = 'request' and c.subject_id = ${requestId} and c.kept = false)
    where org_id = ${orgId} and id = ${requestId}`);
  await announce(db, orgId, requestId);
}

/** Appends a message to a request's conversation. */
export async function insertMessage(
  db: Executor,
  values: typeof requestMessages.$inferInsert,
): Promise<MessageRow> {
  const [row] = await db.insert(requestMessages).values(values).returning();
  await announce(db, values.orgId, values.requestId);
  return row!;
}

/** A request's conversation, oldest first; internal notes only when asked for. */
export function messagesOf(
  db: Executor,
  orgId: string,
  requestId: string,
  withInternal: boolean,
): Promise<MessageRow[]> {
  return db
    .select()
    .from(requestMessages)
    .where(
      and(
        eq(requestMessages.orgId, orgId),
        eq(requestMessages.requestId, requestId),
        withInternal ? undefined : eq(requestMessages.visibility, 'public'),
      ),
    )
    .orderBy(asc(requestMessages.seq));
}

/** Requests from a contact's email in the last window (the public form's per-email limit). */
export async function recentRequestsFrom(
  db: Executor,
  orgId: string,
  contactId: string,
  since: Date,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from requests where org_id = ${orgId} and requester_id = ${contactId} and created_at > ${since}`,
  );
  return Number(row?.n ?? 0);
}
