import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { giftLimits } from '../../../shared/gifts';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import { contacts, promiseClocks, thanksTemplates, users } from '../schema';

/** A thank-you template row. */
export type ThanksTemplateRow = typeof thanksTemplates.$inferSelect;

/** Staff users of the organization among some ids: name and whether they are active. */
export async function usersAmong(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
}

/** What a thank-you to a contact needs: names, language and relationship owner. */
export async function thankedContact(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      givenName: contacts.givenName,
      preferredLanguage: contacts.preferredLanguage,
      ownerUserId: contacts.ownerUserId,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
  return row;
}

/** The organization's thank-you templates, by name then language. */
export function listThanksTemplates(db: Executor, orgId: string): Promise<ThanksTemplateRow[]> {
  return db
    .select()
    .from(thanksTemplates)
    .where(eq(thanksTemplates.orgId, orgId))
    .orderBy(asc(thanksTemplates.name), asc(thanksTemplates.language));
}

/** A template by id. */
export async function findThanksTemplate(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(thanksTemplates)
    .where(and(eq(thanksTemplates.orgId, orgId), eq(thanksTemplates.id, id)));
  return row;
}

/** The template of a name in each language the organization wrote it in. */
export function thanksTemplatesNamed(db: Executor, orgId: string, name: string) {
  return db
    .select()
    .from(thanksTemplates)
    .where(and(eq(thanksTemplates.orgId, orgId), eq(thanksTemplates.name, name)));
}

/** Inserts a template; undefined when one of that name and language exists. */
export async function insertThanksTemplate(
  db: Executor,
  values: typeof thanksTemplates.$inferInsert,
): Promise<ThanksTemplateRow | undefined> {
  const [row] = await db.insert(thanksTemplates).values(values).onConflictDoNothing().returning();
  return row;
}

/** Changes a template, bumping its version. */
export async function updateThanksTemplateRow(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof thanksTemplates.$inferInsert>,
): Promise<ThanksTemplateRow | undefined> {
  const [row] = await db
    .update(thanksTemplates)
    .set({ ...values, version: sql`${thanksTemplates.version} + 1` })
    .where(and(eq(thanksTemplates.orgId, orgId), eq(thanksTemplates.id, id)))
    .returning();
  return row;
}

/** Deletes a template. */
export async function deleteThanksTemplateRow(db: Executor, orgId: string, id: string) {
  await db
    .delete(thanksTemplates)
    .where(and(eq(thanksTemplates.orgId, orgId), eq(thanksTemplates.id, id)));
}

/**
 * The deliverable clocks of some grants (subject ids `<giftId>:<index>`), in order of writing.
 * The ids are spelled out (a grant has at most `deliverablesMax`) so the lookup is on the
 * clocks' subject index rather than a scan of every deliverable of the organization.
 */
export function deliverableClocks(db: Executor, orgId: string, giftIds: string[]) {
  if (giftIds.length === 0) return Promise.resolve([]);
  const subjectIds = giftIds.flatMap((id) =>
    Array.from({ length: giftLimits.deliverablesMax }, (_, i) => `${id}:${i}`),
  );
  return db
    .select()
    .from(promiseClocks)
    .where(
      and(
        eq(promiseClocks.orgId, orgId),
        eq(promiseClocks.subjectType, 'grant_deliverable'),
        inArray(promiseClocks.subjectId, subjectIds),
      ),
    )
    .orderBy(asc(promiseClocks.createdAt), asc(promiseClocks.id));
}

/**
 * Time to thank: minutes on the wall clock from a gift's recording (its thanks clock started)
 * to its first thank-you, p50 and p90, over the gifts thanked in (from, to].
 */
export async function timeToThank(
  db: Executor,
  orgId: string,
  opts: { from: Date; to: Date; policyId?: string },
): Promise<{ thanked: number; p50: number | null; p90: number | null }> {
  const [row] = await queryRows<{ thanked: number; p50: number | null; p90: number | null }>(
    db,
    sql`select count(*)::int as thanked,
          percentile_cont(0.5) within group (order by m) as p50,
          percentile_cont(0.9) within group (order by m) as p90
        from (select extract(epoch from (fulfilled_at - started_at)) / 60 as m
                from ${promiseClocks}
               where org_id = ${orgId} and subject_type = 'gift' and target = 'thanks'
                 and fulfilled_at > ${opts.from} and fulfilled_at <= ${opts.to}
                 ${opts.policyId ? sql`and policy_id = ${opts.policyId}` : sql``}) t`,
  );
  const tenth = (x: number | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);
  return {
    thanked: Number(row?.thanked ?? 0),
    p50: tenth(row?.p50 ?? null),
    p90: tenth(row?.p90 ?? null),
  };
}
