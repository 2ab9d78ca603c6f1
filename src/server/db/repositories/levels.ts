import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { LevelWindow } from '../../../core/levels/place';
import type { Actor } from '../../domain/actor';
import type { Executor } from '../connection';
import { queryPrepared, queryRows } from '../connection';
import { contactLevels, donorLevels, interactions } from '../schema';
import { insertRows, writeTogether } from '../write-together';
import { auditRow, auditRowsQuery, type AuditEntry } from './audit';
import { netAmountOf, receivedKind } from './gifts';

/** A donor level row. */
export type LevelRow = typeof donorLevels.$inferSelect & { window: LevelWindow };

/** The first day of each rolling window (YYYY-MM-DD), on the organization's date today. */
export type WindowStarts = { last_12_months: string; this_year: string };

/** Inserts a level. */
export async function insertLevel(db: Executor, values: typeof donorLevels.$inferInsert) {
  const [row] = await db.insert(donorLevels).values(values).returning();
  return row as LevelRow;
}

/** A level of the organization. */
export async function findLevel(db: Executor, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(donorLevels)
    .where(and(eq(donorLevels.orgId, orgId), eq(donorLevels.id, id)));
  return row as LevelRow | undefined;
}

/** The level of the organization with a slug. */
export async function findLevelBySlug(db: Executor, orgId: string, slug: string) {
  const [row] = await db
    .select()
    .from(donorLevels)
    .where(and(eq(donorLevels.orgId, orgId), eq(donorLevels.slug, slug)));
  return row as LevelRow | undefined;
}

/** Every level of the organization (a handful), with how many donors each holds. */
export async function listLevels(db: Executor, orgId: string) {
  const rows = await db
    .select({
      level: donorLevels,
      donorCount: sql<number>`(select count(*) from ${contactLevels} cl
        where cl.org_id = ${donorLevels.orgId} and cl.level_id = ${donorLevels.id})::int`,
    })
    .from(donorLevels)
    .where(eq(donorLevels.orgId, orgId));
  return rows.map((r) => ({ ...(r.level as LevelRow), donorCount: Number(r.donorCount) }));
}

/** How many donors a level holds. */
export async function levelDonorCount(db: Executor, orgId: string, levelId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${contactLevels}
         where org_id = ${orgId} and level_id = ${levelId}`,
  );
  return Number(row?.n ?? 0);
}

/** Changes a level and bumps its version. */
export async function updateLevelRow(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof donorLevels.$inferInsert>,
) {
  const [row] = await db
    .update(donorLevels)
    .set({ ...values, version: sql`${donorLevels.version} + 1` })
    .where(and(eq(donorLevels.orgId, orgId), eq(donorLevels.id, id)))
    .returning();
  return row as LevelRow | undefined;
}

/** Deletes a level (its placements go with it). */
export async function deleteLevelRow(db: Executor, orgId: string, id: string) {
  await db.delete(donorLevels).where(and(eq(donorLevels.orgId, orgId), eq(donorLevels.id, id)));
}

// Money received net of refunds and corrections: promises (pledges, bequest intentions) are not
// gifts received; the payments on a pledge are gifts of their own and count.
const received = sql`g.amount is not null and ${receivedKind('g')}`;
const net = netAmountOf('g');

/** A donor's own giving in one currency, per window (minor units, as text from SQL). */
export type TotalsRow = {
  currency: string;
  lifetime: string;
  last_12_months: string;
  this_year: string;
};

// Each gift's money received net of its adjustments, computed once per gift (LATERAL).
const netLateral = sql`cross join lateral (select ${net} as net) n`;
// A donor's totals per currency and window, from gifts `g` with their net `n.net`.
const windowSums = (starts: WindowStarts) => sql`
         sum(n.net)::text as lifetime,
         coalesce(sum(n.net) filter (where g.received_on >= ${starts.last_12_months}::date), 0)::text
           as last_12_months,
         coalesce(sum(n.net) filter (where g.received_on >= ${starts.this_year}::date), 0)::text
           as this_year`;

// The advisory lock key of the organization's placements: every donor placed again takes it
// alone; placing some donors shares it. Each donor's key is `levels:<org>:<contact>` (made in SQL
// from the contact id as a uuid, so any spelling of an id takes the same lock).
const orgKey = (orgId: string) => sql`hashtextextended(${`levels:${orgId}`}, 0)`;

/**
 * Serializes placements of the donors given (two gifts of one donor at once would each see only
 * its own gift) with transaction-scoped advisory locks, and makes them wait for a placement of
 * every donor in progress (a level being created or changed), so either sees the other's work.
 * A statement of its own: the next one's snapshot is taken after the wait. Returns the
 * organization's time zone.
 *
 * Deadlock-free by order: the organization's shared lock first, then the donors' locks in the
 * order of their keys (one aggregate over the sorted keys takes them one by one), so a batch of
 * gifts waits for another batch sharing donors instead of each holding what the other wants.
 * Everything that changes a donor's giving takes these locks BEFORE its giving_years row (the
 * gift's or adjustment's trigger locks it): recording gifts, a refund and a correction.
 * The statement's text is the same for any number of donors (ids as one jsonb parameter).
 */
export async function lockDonorsPlacement(
  db: Executor,
  orgId: string,
  contactIds: readonly string[],
): Promise<string> {
  const [row] = await queryPrepared<{ time_zone: string | null }>(
    db,
    sql`select (select o.time_zone from organizations o where o.id = ${orgId}) as time_zone
          from (select count(case when k.n = 0 then pg_advisory_xact_lock_shared(k.key)
                                  else pg_advisory_xact_lock(k.key) end)
                  from (select 0 as n, ${orgKey(orgId)} as key
                        union all
                        select 1, hashtextextended(${`levels:${orgId}:`} || d.value::uuid, 0)
                          from jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb) d
                         order by n, key) k) locks`,
  );
  return row?.time_zone ?? 'UTC';
}

/**
 * Locks one donor's placement (see lockDonorsPlacement): refunds, corrections, placeDonor.
 * Returns the organization's time zone.
 */
export function lockDonorPlacement(db: Executor, orgId: string, contactId: string) {
  return lockDonorsPlacement(db, orgId, [contactId]);
}

/**
 * Takes the organization's placement lock alone until the transaction ends: placing every donor
 * waits for gifts being placed and holds new ones back until it commits.
 */
export async function lockAllPlacements(db: Executor, orgId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${orgKey(orgId)})`);
}

/** What placing one donor needs: the levels, their current one, their totals (per currency). */
export type PlacementFacts = { levels: LevelRow[]; current: string | null; totals: TotalsRow[] };

/** The organization's levels as a JSON array (SQL expression). */
export const levelsJson = (orgId: string | SQL) =>
  sql`(select coalesce(json_agg(json_build_object('id', l.id, 'name', l.name, 'slug', l.slug,
          'minAmount', l.min_amount, 'currency', l.currency, 'window', l."window")), '[]')
         from ${donorLevels} l where l.org_id = ${orgId})`;

/** A donor's current level id, or null (SQL expression). */
export const currentLevelOf = (orgId: string | SQL, contactId: string | SQL) =>
  sql`(select cl.level_id from ${contactLevels} cl
        where cl.org_id = ${orgId} and cl.contact_id = ${contactId})`;

/** A donor's totals per currency as a JSON array of TotalsRow (SQL expression). */
export const totalsJson = (orgId: string | SQL, contactId: string | SQL, starts: WindowStarts) =>
  sql`(select coalesce(json_agg(t), '[]')
         from (select g.currency, ${windowSums(starts)}
                 from gifts g ${netLateral}
                where g.org_id = ${orgId} and g.contact_id = ${contactId} and ${received}
                  -- Without levels there is nothing to add up for.
                  and exists (select 1 from ${donorLevels} x where x.org_id = ${orgId})
                group by g.currency) t)`;

/** What placing one donor needs, in one statement: the levels, their current one, their totals. */
export async function donorPlacementFacts(
  db: Executor,
  orgId: string,
  contactId: string,
  starts: WindowStarts,
): Promise<PlacementFacts> {
  const [row] = await queryPrepared<PlacementFacts>(
    db,
    sql`select ${levelsJson(orgId)} as levels, ${currentLevelOf(orgId, contactId)} as current,
      ${totalsJson(orgId, contactId, starts)} as totals`,
  );
  return row!;
}

/**
 * A slice of the organization's donors for re-placing them all: up to `limit` donors (anyone
 * with a gift) after a contact id, each with their current level and their totals.
 */
export async function donorChunk(
  db: Executor,
  orgId: string,
  after: string | null,
  limit: number,
  starts: WindowStarts,
) {
  const rows = await queryRows<{ contact_id: string; current: string | null; totals: TotalsRow[] }>(
    db,
    // The slice is a range of contact ids, so its gifts are one range scan of the donors' index
    // (never a pass over every gift of the organization); totals fold into a JSON array each.
    sql`with donors as materialized (
          select distinct g.contact_id from gifts g
           where g.org_id = ${orgId} ${after ? sql`and g.contact_id > ${after}::uuid` : sql``}
           order by g.contact_id limit ${limit}
        ), sums as (
          select g.contact_id, g.currency, ${windowSums(starts)}
            from gifts g ${netLateral}
           where g.org_id = ${orgId} ${after ? sql`and g.contact_id > ${after}::uuid` : sql``}
             and g.contact_id <= (select contact_id from donors order by contact_id desc limit 1)
             and ${received}
           group by g.contact_id, g.currency
        ), per as (
          select contact_id, json_agg(json_build_object('currency', currency,
                   'lifetime', lifetime, 'last_12_months', last_12_months,
                   'this_year', this_year)) as totals
            from sums group by contact_id
        )
        select d.contact_id, cl.level_id as current, coalesce(p.totals, '[]') as totals
          from donors d
          left join per p on p.contact_id = d.contact_id
          left join ${contactLevels} cl on cl.org_id = ${orgId} and cl.contact_id = d.contact_id
                and cl.contact_id <= (select contact_id from donors order by contact_id desc limit 1)
                ${after ? sql`and cl.contact_id > ${after}::uuid` : sql``}
         order by d.contact_id`,
  );
  return rows;
}

/** Placements of contacts who have no gift at all any more (their gifts moved in a merge). */
export function placementsWithoutGifts(db: Executor, orgId: string) {
  return queryRows<{ contact_id: string; current: string }>(
    db,
    sql`select cl.contact_id, cl.level_id as current from ${contactLevels} cl
         where cl.org_id = ${orgId}
           and not exists (select 1 from gifts g
                            where g.org_id = cl.org_id and g.contact_id = cl.contact_id)`,
  );
}

/** One donor's move: into a level, or out of any (levelId null). */
export type Placement = { contactId: string; levelId: string | null };

/** The statements that move donors between levels (for writeTogether): placed, or left. */
export function placementQueries(orgId: string, moves: readonly Placement[], at: Date): SQL[] {
  const placed = moves.filter((m) => m.levelId !== null);
  const left = moves.filter((m) => m.levelId === null).map((m) => m.contactId);
  const parts: SQL[] = [];
  if (placed.length)
    parts.push(
      insertRows(
        contactLevels,
        placed.map((m) => ({
          orgId,
          contactId: m.contactId,
          levelId: m.levelId!,
          placedAt: at,
        })),
        sql`on conflict (org_id, contact_id) do update
              set level_id = excluded.level_id, placed_at = excluded.placed_at`,
      ),
    );
  if (left.length)
    parts.push(sql`delete from ${contactLevels} where org_id = ${orgId}
      and contact_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(left)}::jsonb))`);
  return parts;
}

/**
 * Writes donors' moves with their timeline entries and audit entries as ONE statement, however
 * many donors moved.
 */
export async function writePlacements(
  db: Executor,
  actor: Actor,
  moves: readonly Placement[],
  at: Date,
  timeline: (typeof interactions.$inferInsert)[],
  audit: AuditEntry[],
) {
  if (moves.length === 0) return;
  const parts = placementQueries(actor.orgId, moves, at);
  if (timeline.length) parts.push(insertRows(interactions, timeline));
  if (audit.length) parts.push(auditRowsQuery(audit.map((e) => auditRow(actor, e))));
  await writeTogether(db, parts);
}

/** A donor in a level, with their qualifying total in the level's window and currency. */
export type LevelDonorRow = { id: string; name: string; placed_at: Date | string; total: string };

/** The donors in a level by name, after a (name, id) position, with their qualifying totals. */
export function levelDonorRows(
  db: Executor,
  orgId: string,
  level: Pick<LevelRow, 'id' | 'currency'>,
  start: string | null,
  after: { n: string; i: string } | undefined,
  limit: number,
) {
  return queryRows<LevelDonorRow>(
    db,
    sql`select c.id, c.name, cl.placed_at,
               (select coalesce(sum(${net}), 0) from gifts g
                 where g.org_id = ${orgId} and g.contact_id = c.id and ${received}
                   and g.currency = ${level.currency}
                   ${start ? sql`and g.received_on >= ${start}::date` : sql``})::text as total
          from ${contactLevels} cl
          join contacts c on c.org_id = cl.org_id and c.id = cl.contact_id and c.deleted_at is null
         where cl.org_id = ${orgId} and cl.level_id = ${level.id}
           ${after ? sql`and (c.name, c.id) > (${after.n}, ${after.i}::uuid)` : sql``}
         order by c.name, c.id
         limit ${limit}`,
  );
}

/** A contact's current level, if any. */
export async function levelOfContact(db: Executor, orgId: string, contactId: string) {
  const [row] = await queryRows<{ id: string; name: string; slug: string }>(
    db,
    sql`select l.id, l.name, l.slug from ${contactLevels} cl
          join ${donorLevels} l on l.org_id = cl.org_id and l.id = cl.level_id
         where cl.org_id = ${orgId} and cl.contact_id = ${contactId}`,
  );
  return row ?? null;
}

/** A contact's current level as a SQL expression (`{ id, name, slug }` JSON, or null). */
export const levelOfContactSql = (orgId: SQL | string, contactId: SQL | string) =>
  sql`(select json_build_object('id', l.id, 'name', l.name, 'slug', l.slug)
         from ${contactLevels} cl
         join ${donorLevels} l on l.org_id = cl.org_id and l.id = cl.level_id
        where cl.org_id = ${orgId} and cl.contact_id = ${contactId})`;
