import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Clock } from '../../../core/clock';
import type { GiftInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { inGroups, type Outcome } from '../../db/group-commit';
import { auditRow, auditRowsQuery } from '../../db/repositories/audit';
import { giftIntake } from '../../db/repositories/gift-intake';
import { insertGiftQueries } from '../../db/repositories/gifts';
import { insertInteractionsQuery } from '../../db/repositories/interactions';
import { lockDonorsPlacement, placementQueries } from '../../db/repositories/levels';
import { notifyAfterCommit, writeTogether, type Notice } from '../../db/write-together';
import type { GiftView } from '../../presenters/gift';
import type { Actor } from '../actor';
import { emailWrites } from '../email/outbox';
import { windowStarts } from '../levels/place-donor';
import { clockStartWrites } from '../promises/clocks';
import { recurringSince } from '../thanks/segments';
import { giftTerms, type GiftTerms } from './gift-terms';
import { giftBatch, planGift, type GiftItem, type PlannedGift } from './plan-gift';

/** What became of one gift of a batch: recorded (its view), or refused with its own error. */
export type Recorded = Outcome<GiftView>;

/**
 * Records a gift of any kind: checks its money rules, writes it with its designations and soft
 * credits, puts it on the donor's (and each soft-credited contact's) timeline, places the donor
 * in their level, starts its thank-you promise under the policy that matched (with that policy's
 * plan of who thanks how), a grant's deliverable promises, tells those a tribute names, audits.
 *
 * Three statements: the donor's placement lock, ONE prepared read of everything the decision
 * needs (giftIntake), and ONE write of every row (writeTogether); all else is decided in memory.
 * In the caller's transaction when given one; otherwise in its own, whose wake-ups for workers
 * follow its commit (notifyAfterCommit) instead of serializing concurrent commits.
 */
export async function recordGift(
  db: Executor,
  clock: Clock,
  actor: Actor,
  input: GiftInput,
): Promise<GiftView> {
  const [recorded] = await recordGifts(db, clock, [{ actor, input }]);
  if ('error' in recorded!) throw recorded.error;
  return recorded!.value;
}

/**
 * Records gifts outside any transaction, together with the others of the organization that
 * arrive meanwhile (see inGroups): one lock, one read, one write and one commit per group
 * instead of each gift paying its own. For the API's POST /gifts without an Idempotency-Key.
 */
export function groupedRecorder(db: Executor, clock: Clock): (item: GiftItem) => Promise<GiftView> {
  return inGroups(
    (item) => item.actor.orgId,
    (items) => recordGifts(db, clock, items),
  );
}

/**
 * Records a batch of gifts of one organization (see recordGift), each with its own outcome: one
 * gift's bad input refuses that gift alone, with the error recordGift would throw.
 *
 * The same three statements whatever the batch: ONE lock of every donor's placement, ONE read of
 * everything the batch is decided from, ONE write of every row. The gifts are planned in order,
 * each seeing the ones before it as if they were stored: a donor's second gift of the batch is
 * not their first gift, counts the first in their totals and level. In the caller's transaction
 * when given one; otherwise in one of its own, and when that fails (a contact deleted meanwhile,
 * a value the database refuses) each gift is recorded again on its own, in order, so only the
 * one at fault fails.
 */
export async function recordGifts(
  db: Executor,
  clock: Clock,
  items: readonly GiftItem[],
): Promise<Recorded[]> {
  const orgId = items[0]!.actor.orgId;
  if (items.some((i) => i.actor.orgId !== orgId))
    throw new Error('recordGifts: one organization per batch');
  const terms = items.map((i) => attempt(() => giftTerms(i.input)));
  if (terms.every((t): t is { error: unknown } => 'error' in t)) return terms;
  if (db instanceof PgTransaction) {
    try {
      return (await recordIn(db, clock, items, terms, true)).outcomes;
    } catch (error) {
      return items.map(() => ({ error }));
    }
  }
  try {
    const done = await db.transaction((tx) => recordIn(tx, clock, items, terms, false));
    void notifyAfterCommit(db, done.notices); // wake-ups, not data: the answer does not wait
    return done.outcomes;
  } catch (error) {
    if (items.length === 1) return [{ error }];
    const outcomes: Recorded[] = [];
    for (const item of items) outcomes.push(...(await recordGifts(db, clock, [item])));
    return outcomes;
  }
}

/** The value of a check, or the error it threw. */
function attempt<T>(check: () => T): Outcome<T> {
  try {
    return { value: check() };
  } catch (error) {
    return { error };
  }
}

/** Locks, reads, plans and writes a batch in a transaction; returns the outcomes and wake-ups. */
async function recordIn(
  tx: Executor,
  clock: Clock,
  items: readonly GiftItem[],
  terms: readonly Outcome<GiftTerms>[],
  notifyInline: boolean,
): Promise<{ outcomes: Recorded[]; notices: Notice[] }> {
  const orgId = items[0]!.actor.orgId;
  const wanted = intakeQuery(items.filter((_, i) => 'value' in terms[i]!).map((i) => i.input));
  // The lock is a statement of its own so that the read after it sees every gift of the donors
  // committed meanwhile: two gifts at once place a donor with both (and only one is first).
  const timeZone = await lockDonorsPlacement(tx, orgId, wanted.donorIds);
  const starts = windowStarts(clock, timeZone);
  const ctx = await giftIntake(tx, orgId, { ...wanted, starts });
  const batch = giftBatch(ctx, starts, timeZone, clock.now());
  const planned = items.map((item, i): Outcome<PlannedGift> => {
    const t = terms[i]!;
    return 'error' in t ? t : attempt(() => planGift(batch, item, t.value));
  });
  const ok = planned.flatMap((p) => ('value' in p ? [p.value] : []));
  const notices = ok.length ? await writeGifts(tx, ok, batch.now, notifyInline) : [];
  return { outcomes: planned.map((p) => ('error' in p ? p : { value: p.value.view })), notices };
}

/** Who and what a batch's gifts name, each once, and how far back recurring gifts count. */
function intakeQuery(inputs: readonly GiftInput[]) {
  const once = (ids: string[]) => [...new Set(ids)];
  return {
    donorIds: once(inputs.map((i) => i.contactId)),
    contactIds: once(
      inputs.flatMap((i) =>
        (i.softCredits ?? []).flatMap((s) =>
          s.notifyContactId ? [s.contactId, s.notifyContactId] : [s.contactId],
        ),
      ),
    ),
    fundIds: once(inputs.flatMap((i) => (i.allocations ?? []).map((a) => a.fundId))),
    pledgeIds: once(inputs.flatMap((i) => ('pledgeId' in i && i.pledgeId ? [i.pledgeId] : []))),
    recurringSince: recurringSince(inputs.map((i) => i.receivedOn).sort()[0]!),
  };
}

/**
 * Writes planned gifts as ONE statement: their rows, their donors' final placements (a donor
 * who moved twice in the batch is placed once, where they ended; each move keeps its timeline
 * and audit entries), timeline, clocks, emails and audit. Returns the wake-ups to send.
 */
async function writeGifts(
  tx: Executor,
  ok: readonly PlannedGift[],
  now: Date,
  notifyInline: boolean,
): Promise<Notice[]> {
  const placements = new Map(ok.flatMap((p) => p.placements).map((m) => [m.contactId, m]));
  const clocks = clockStartWrites(
    tx,
    ok.flatMap((p) => p.starts),
  );
  const mail = emailWrites(
    ok.flatMap((p) => p.emails),
    now,
  );
  const notices = [...clocks.notices, ...mail.notices];
  await writeTogether(
    tx,
    [
      ...insertGiftQueries(ok.map((p) => p.gift)),
      ...placementQueries(ok[0]!.actor.orgId, [...placements.values()], now),
      insertInteractionsQuery(ok.flatMap((p) => p.timeline)),
      ...clocks.parts,
      ...mail.parts,
      auditRowsQuery(ok.flatMap((p) => p.audit.map((e) => auditRow(p.actor, e)))),
    ],
    notifyInline ? notices : [],
  );
  return notices;
}
