import { queueViews, type QueueView } from '../../../shared/requests';
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../../core/clock';
import { openStatuses } from '../../../shared/requests';
import type { Executor } from '../../db/connection';
import { queryRows } from '../../db/connection';
import { contacts, requests, teamMembers, users } from '../../db/schema';
import { presentRequest, type RequestView } from '../../presenters/request';
import { findRequest, type RequestRow } from '../../db/repositories/requests';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';

export { queueViews, type QueueView };

/** Filters of the queue. */
export type QueueFilters = {
  status?: string;
  priority?: string;
  category?: string;
  channel?: string;
  teamId?: string;
  assigneeId?: string;
  requesterId?: string;
  tag?: string;
  /** Words of the subject, or a reference (R-1042 or 1042). */
  q?: string;
};

/** A queue row: the request with the names the console shows beside it. */
export type QueueItem = RequestView & { requesterName: string | null; assigneeName: string | null };

const dueSoonMs = 60 * 60_000;
const open = inArray(requests.status, [...openStatuses]);

function viewCondition(view: QueueView, actor: Actor, now: Date): SQL | undefined {
  const myTeams = sql`${requests.teamId} in (select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.orgId} = ${actor.orgId} and ${teamMembers.userId} = ${actor.userId})`;
  switch (view) {
    case 'all':
      return undefined;
    case 'open':
      return open;
    case 'mine':
      return and(open, actor.userId ? eq(requests.assigneeId, actor.userId) : sql`false`);
    case 'my_teams':
      return and(open, myTeams);
    case 'unassigned':
      return and(open, isNull(requests.assigneeId));
    case 'due_soon':
      return and(open, sql`${requests.nextDueAt} <= ${new Date(now.getTime() + dueSoonMs)}`);
    case 'breached':
      return and(open, eq(requests.breached, true));
    case 'waiting':
      return inArray(requests.status, ['waiting_on_requester', 'on_hold']);
  }
}

function filterConditions(f: QueueFilters): (SQL | undefined)[] {
  return [
    f.status ? eq(requests.status, f.status as never) : undefined,
    f.priority ? eq(requests.priority, f.priority as never) : undefined,
    f.category ? eq(requests.category, f.category) : undefined,
    f.channel ? eq(requests.channel, f.channel as never) : undefined,
    f.teamId ? eq(requests.teamId, f.teamId) : undefined,
    f.assigneeId ? eq(requests.assigneeId, f.assigneeId) : undefined,
    f.requesterId ? eq(requests.requesterId, f.requesterId) : undefined,
    f.tag ? sql`${f.tag} = any(${requests.tags})` : undefined,
    f.q ? searchCondition(f.q) : undefined,
  ];
}

/** A reference finds its request; other text matches inside the subject (any case). */
function searchCondition(q: string): SQL | undefined {
  const number = /^\s*(?:r-?)?(\d{1,9})\s*$/i.exec(q)?.[1];
  const words = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const subject = sql`${requests.subject} ilike ${words}`;
  return number ? or(eq(requests.number, Number(number)), subject) : subject;
}

/** The requester's and the assignee's names of a page of requests (two lookups by key). */
async function namesOf(db: Executor, orgId: string, rows: readonly RequestRow[]) {
  const contactIds = [...new Set(rows.map((r) => r.requesterId))];
  const userIds = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))];
  const [people, staff] = await Promise.all([
    contactIds.length
      ? db
          .select({ id: contacts.id, name: contacts.name })
          .from(contacts)
          .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, contactIds)))
      : [],
    userIds.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, userIds)))
      : [],
  ]);
  return new Map([...people, ...staff].map((p) => [p.id, p.name]));
}

// The same expression as the requests_queue_order_idx index, so the index serves the order.
const dueKey = sql`coalesce(${requests.nextDueAt}, 'infinity'::timestamptz)`;
const cursorShape = z.object({
  d: z.union([z.iso.datetime(), z.literal('infinity')]),
  i: z.uuid(),
});

/** A page of the queue, ordered by the next due instant (requests without a running clock last). */
export async function readQueue(
  db: Executor,
  clock: Clock,
  actor: Actor,
  view: QueueView,
  filters: QueueFilters,
  page: { cursor?: string; limit: number },
): Promise<Page<QueueItem>> {
  const c = decodeCursor(page.cursor, cursorShape);
  const after = c
    ? sql`(${dueKey}, ${requests.id}) > (${c.d}::timestamptz, ${c.i}::uuid)`
    : undefined;
  const rows = await db
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.orgId, actor.orgId),
        viewCondition(view, actor, clock.now()),
        ...filterConditions(filters),
        after,
      ),
    )
    .orderBy(dueKey, requests.id)
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  const names = await namesOf(db, actor.orgId, pageRows);
  return {
    data: pageRows.map((r) => ({
      ...presentRequest(r),
      requesterName: names.get(r.requesterId) ?? null,
      assigneeName: (r.assigneeId && names.get(r.assigneeId)) ?? null,
    })),
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor({ d: last.nextDueAt?.toISOString() ?? 'infinity', i: last.id })
        : null,
  };
}

/** The views the counts cover: every view of work still to do (`all` includes the archive). */
export const countedViews = queueViews.filter(
  (v): v is Exclude<QueueView, 'all' | 'open'> => v !== 'all' && v !== 'open',
);

/**
 * How many requests each working view holds for the caller, plus `open` (all unfinished), in one
 * query over unfinished requests only — the (org_id, status, …) index keeps it small however
 * long the archive of solved and closed requests grows.
 */
export async function queueCounts(
  db: Executor,
  clock: Clock,
  actor: Actor,
): Promise<Record<string, number>> {
  const now = clock.now();
  const parts = countedViews.map(
    (v) =>
      sql`count(*) filter (where ${viewCondition(v, actor, now)})::int as ${sql.identifier(v)}`,
  );
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as open, ${sql.join(parts, sql`, `)} from ${requests}
        where ${requests.orgId} = ${actor.orgId} and ${open}`,
  );
  return Object.fromEntries(['open', ...countedViews].map((v) => [v, Number(row?.[v] ?? 0)]));
}

/** One request of the caller's organization; 404 otherwise. */
export async function getRequest(db: Executor, actor: Actor, id: string): Promise<RequestView> {
  const row = await findRequest(db, actor.orgId, id);
  if (!row) throw notFound('request');
  return presentRequest(row);
}
