import { localDate } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import { promisedKinds, type GiftKind } from '../../../shared/gifts';
import {
  noGiving,
  placeLevel,
  windowStart,
  type LevelWindow,
  type WindowTotals,
} from '../../../core/levels/place';
import type { Executor } from '../../db/connection';
import type { AuditEntry } from '../../db/repositories/audit';
import {
  donorChunk,
  donorPlacementFacts,
  listLevels,
  lockAllPlacements,
  lockDonorPlacement,
  placementsWithoutGifts,
  writePlacements,
  type LevelRow,
  type Placement,
  type PlacementFacts,
  type TotalsRow,
  type WindowStarts,
} from '../../db/repositories/levels';
import { findOrganization } from '../../db/repositories/organizations';
import { systemActor, type Actor } from '../actor';
import { timelineRow } from '../timeline/timeline';

/** A level as placement reads it. */
type Level = Pick<LevelRow, 'id' | 'name' | 'slug' | 'minAmount' | 'currency'> & {
  window: LevelWindow;
};

// The starts last worked out per time zone, and the UTC minute they hold for: the date in a zone
// is the same all through a UTC minute (offsets are whole minutes), and localDate builds a new
// Intl formatter each time, which every gift recorded would pay for.
const startsByZone = new Map<string, { minute: number; starts: WindowStarts }>();

/** Where the rolling windows start on the organization's date today. */
export function windowStarts(clock: Clock, timeZone: string): WindowStarts {
  const now = clock.now();
  const minute = Math.floor(now.getTime() / 60_000);
  const known = startsByZone.get(timeZone);
  if (known?.minute === minute) return known.starts;
  const today = localDate(now, timeZone);
  const starts = {
    last_12_months: windowStart('last_12_months', today)!,
    this_year: windowStart('this_year', today)!,
  };
  startsByZone.set(timeZone, { minute, starts });
  return starts;
}

/** A donor's totals per window and currency, from the repository's rows. */
function totalsFrom(rows: readonly TotalsRow[]): WindowTotals {
  const t = noGiving() as Record<LevelWindow, Record<string, number>>;
  for (const r of rows) {
    t.lifetime[r.currency] = Number(r.lifetime);
    t.last_12_months[r.currency] = Number(r.last_12_months);
    t.this_year[r.currency] = Number(r.this_year);
  }
  return t;
}

const asLevel = (l: Level): Level => ({ ...l, minAmount: Number(l.minAmount) });

/** One donor's move between levels, as their timeline and the audit log tell it. */
export type Move = { contactId: string; from: Level | undefined; to: Level | undefined };

/** The summary of a move on the donor's timeline. */
export function moveSummary(m: Pick<Move, 'from' | 'to'>): string {
  if (!m.to) return `Left level ${m.from!.name}`;
  return `Moved to level ${m.to.name}${m.from ? ` (from ${m.from.name})` : ''}`;
}

/** What moves write: the placements, an entry on each donor's timeline, an audit entry each. */
export function moveEntries(actor: Actor, at: Date, moves: readonly Move[]) {
  const brief = (l: Level | undefined) => (l ? { levelId: l.id, slug: l.slug } : undefined);
  const audit: AuditEntry[] = moves.map((m) => ({
    action: !m.from ? 'create' : m.to ? 'update' : 'delete',
    entityType: 'contact_level',
    entityId: m.contactId,
    before: brief(m.from),
    after: brief(m.to),
  }));
  const timeline = moves.map((m) =>
    timelineRow(actor, m.contactId, {
      // A level is fundraising data: shown only to those who may read gifts, like gifts.
      kind: 'gift',
      channel: 'system',
      direction: 'internal',
      summary: moveSummary(m),
      sourceType: 'donor_level',
      sourceId: (m.to ?? m.from)!.id,
      occurredAt: at,
    }),
  );
  const placements: Placement[] = moves.map((m) => ({
    contactId: m.contactId,
    levelId: m.to?.id ?? null,
  }));
  return { placements, timeline, audit };
}

/** Writes moves with their timeline entries ("Moved to level Gold") and audit entries. */
async function writeMoves(tx: Executor, actor: Actor, at: Date, moves: Move[]) {
  const w = moveEntries(actor, at, moves);
  await writePlacements(tx, actor, w.placements, at, w.timeline, w.audit);
}

/** A gift about to be written, as placement counts it. */
export type NewGift = {
  kind: GiftKind;
  amount: number | null;
  currency: string;
  receivedOn: string;
};

/**
 * Adds a gift not yet written to a donor's totals, as the repository would count it once
 * written: money received (never a promise) in each window its date falls in. The gift has no
 * adjustments yet, so its net is its amount.
 */
export function withGift(totals: WindowTotals, gift: NewGift, starts: WindowStarts): WindowTotals {
  if (gift.amount === null || promisedKinds.includes(gift.kind)) return totals;
  const add = (window: Readonly<Record<string, number>>, counts: boolean) =>
    counts ? { ...window, [gift.currency]: (window[gift.currency] ?? 0) + gift.amount! } : window;
  return {
    lifetime: add(totals.lifetime, true),
    last_12_months: add(totals.last_12_months, gift.receivedOn >= starts.last_12_months),
    this_year: add(totals.this_year, gift.receivedOn >= starts.this_year),
  };
}

/** A donor's level and giving so far: as read, then after each gift of theirs planned in turn. */
export type Standing = { current: string | null; totals: WindowTotals };

/** A donor's standing from the repository's facts. */
export const standingOf = (facts: Pick<PlacementFacts, 'current' | 'totals'>): Standing => ({
  current: facts.current,
  totals: totalsFrom(facts.totals),
});

/**
 * Where a donor's standing places them after a gift about to be written (pure): their level,
 * their move when it changes, and their standing after it, for the next gift of theirs planned
 * in the same batch to start from (as if this one were stored).
 */
export function placeAfter(
  contactId: string,
  levels: readonly Level[],
  standing: Standing,
  starts: WindowStarts,
  gift?: NewGift,
): { level: Level | undefined; move: Move | undefined; standing: Standing } {
  const all = levels.map(asLevel);
  const totals = gift ? withGift(standing.totals, gift, starts) : standing.totals;
  const to = placeLevel(all, totals);
  const after = { current: to?.id ?? null, totals };
  if (after.current === standing.current) return { level: to, move: undefined, standing: after };
  const from = all.find((l) => l.id === standing.current);
  return { level: to, move: { contactId, from, to }, standing: after };
}

/**
 * Where one donor's giving places them, from facts read beforehand (pure): their level, and
 * their move when it changes. `gift` is a gift of theirs about to be written in the same
 * statement as the move, counted as if already stored.
 */
export function placeFromFacts(
  contactId: string,
  facts: PlacementFacts,
  starts: WindowStarts,
  gift?: NewGift,
): { level: Level | undefined; move: Move | undefined } {
  const { level, move } = placeAfter(contactId, facts.levels, standingOf(facts), starts, gift);
  return { level, move };
}

/**
 * Places one donor in the highest level their own giving reaches (money received net of
 * refunds and corrections, in each level's window and currency; soft credits and promises never
 * count), in the caller's transaction, and records a move on their timeline. Returns the slug of
 * their level, or null. Costs two small queries (a lock, then the levels and the donor's totals
 * by index) and a write only when the donor moves.
 */
export async function placeDonor(
  tx: Executor,
  clock: Clock,
  orgId: string,
  contactId: string,
  by: Actor = systemActor(orgId),
): Promise<string | null> {
  const timeZone = await lockDonorPlacement(tx, orgId, contactId);
  return placeLockedDonor(tx, clock, orgId, contactId, timeZone, by);
}

/**
 * placeDonor for a caller that already holds the donor's placement lock in this transaction
 * (refunds and corrections take it before their adjustment): `timeZone` is what the lock
 * returned. One query for the facts, and a write only when the donor moves.
 */
export async function placeLockedDonor(
  tx: Executor,
  clock: Clock,
  orgId: string,
  contactId: string,
  timeZone: string,
  by: Actor = systemActor(orgId),
): Promise<string | null> {
  const starts = windowStarts(clock, timeZone);
  const facts = await donorPlacementFacts(tx, orgId, contactId, starts);
  const { level, move } = placeFromFacts(contactId, facts, starts);
  if (move) await writeMoves(tx, by, clock.now(), [move]);
  return level?.slug ?? null;
}

/** How many donors are read and written at a time when every donor is placed again. */
const chunkSize = 2000;

/**
 * Places every donor of the organization again (levels were created, changed or deleted; or a
 * day passed and the rolling windows moved), in the caller's transaction: donors are read with
 * their totals a slice at a time and each slice's moves are written as one statement, so ten
 * thousand donors cost a dozen round trips. `without` leaves out a level about to be deleted,
 * so its donors move to the next level down (or leave) with an entry on their timeline.
 * Returns how many donors moved.
 */
export async function placeEveryDonor(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  opts: { without?: string; chunkSize?: number } = {},
): Promise<number> {
  const size = opts.chunkSize ?? chunkSize;
  await lockAllPlacements(tx, actor.orgId);
  const org = await findOrganization(tx, actor.orgId);
  const starts = windowStarts(clock, org?.timeZone ?? 'UTC');
  const all = (await listLevels(tx, actor.orgId)).map((l) => asLevel(l as Level));
  const levels = all.filter((l) => l.id !== opts.without);
  const byId = new Map(all.map((l) => [l.id, l]));
  const at = clock.now();
  let moved = 0;
  let after: string | null = null;
  for (;;) {
    const chunk = await donorChunk(tx, actor.orgId, after, size, starts);
    const moves: Move[] = [];
    for (const d of chunk) {
      const to = placeLevel(levels, totalsFrom(d.totals));
      if ((to?.id ?? null) !== d.current)
        moves.push({
          contactId: d.contact_id,
          from: d.current ? byId.get(d.current) : undefined,
          to,
        });
    }
    await writeMoves(tx, actor, at, moves);
    moved += moves.length;
    if (chunk.length < size) break;
    after = chunk.at(-1)!.contact_id;
  }
  const orphans = (await placementsWithoutGifts(tx, actor.orgId)).map((p) => ({
    contactId: p.contact_id,
    from: byId.get(p.current),
    to: undefined,
  }));
  await writeMoves(tx, actor, at, orphans);
  return moved + orphans.length;
}
