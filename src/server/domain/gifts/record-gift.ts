import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Clock } from '../../../core/clock';
import { newId } from '../../../core/ids';
import { promisedKinds } from '../../../shared/gifts';
import type { GiftInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { giftIntake, type GiftIntake, type GiftPerson } from '../../db/repositories/gift-intake';
import { insertGiftQueries, type GiftRow, type GiftWrite } from '../../db/repositories/gifts';
import { insertInteractionsQuery } from '../../db/repositories/interactions';
import { auditRow, auditRowsQuery } from '../../db/repositories/audit';
import {
  lockDonorPlacement,
  placementQueries,
  type WindowStarts,
} from '../../db/repositories/levels';
import type { ClockRow } from '../../db/repositories/promises';
import { notifyAfterCommit, writeTogether, type Notice } from '../../db/write-together';
import { invalid } from '../../errors';
import { presentGift, type GiftView } from '../../presenters/gift';
import type { Actor } from '../actor';
import { emailWrites } from '../email/outbox';
import { moveEntries, placeFromFacts, windowStarts } from '../levels/place-donor';
import { clockStartWrites, planStarts, termsFrom, type ClockStart } from '../promises/clocks';
import { deliverableStarts } from '../thanks/deliverables';
import { planThanks } from '../thanks/plan';
import { giftSegments, recurringSince } from '../thanks/segments';
import { tributeNotices, type Tribute } from '../thanks/tributes';
import { timelineRow } from '../timeline/timeline';
import { checkAllocations, checkPledge, checkSoftCredits } from './gift-checks';
import { giftTerms } from './gift-terms';
import { formatMoney } from './money';

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
  if (db instanceof PgTransaction) return (await recordIn(db, clock, actor, input, true)).view;
  const done = await db.transaction((tx) => recordIn(tx, clock, actor, input, false));
  void notifyAfterCommit(db, done.notices); // wake-ups, not data: the answer does not wait
  return done.view;
}

async function recordIn(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: GiftInput,
  notifyInline: boolean,
): Promise<{ view: GiftView; notices: Notice[] }> {
  const terms = giftTerms(input);
  const softCredits = input.softCredits ?? [];
  const pledgeId = ('pledgeId' in input ? input.pledgeId : undefined) ?? null;
  // The lock is a statement of its own so that the read after it sees every gift of the donor
  // committed meanwhile: two gifts at once place the donor with both (and only one is first).
  const timeZone = await lockDonorPlacement(tx, actor.orgId, input.contactId);
  const starts = windowStarts(clock, timeZone);
  const ctx = await giftIntake(tx, actor.orgId, {
    donorId: input.contactId,
    contactIds: [
      input.contactId,
      ...softCredits.flatMap((s) => [
        s.contactId,
        ...(s.notifyContactId ? [s.notifyContactId] : []),
      ]),
    ],
    fundIds: (input.allocations ?? []).map((a) => a.fundId),
    pledgeId,
    recurringSince: recurringSince(input.receivedOn),
    starts,
  });
  const donor = ctx.people.find((p) => p.id === input.contactId);
  if (!donor) throw invalid('contactId', 'no such contact');
  if (input.kind === 'grant' && donor.kind !== 'organization')
    throw invalid('contactId', 'a grant comes from an organization (the funder)');
  const funds = checkAllocations(terms.amount, input.allocations ?? [], ctx.funds);
  checkSoftCredits(input.contactId, terms.amount, softCredits, ctx.people);
  if (pledgeId) checkPledge(ctx.pledge, input);

  const now = clock.now();
  const gift = giftWrite(actor, input, terms, pledgeId, now);
  const planned = plan(actor, gift.row, donor, softCredits, ctx, starts, timeZone, now);
  const thanksClock = planned.thanks.findLast((s) => s.clock.target === 'thanks');
  // The plan is written on the gift row itself (no plan: by email, anyone; the columns stay null).
  gift.row.thanksMethod = planned.thanksPlan?.method ?? null;
  gift.row.thanksUserId = planned.thanksPlan?.user?.id ?? null;
  const named = (id: string) => ctx.people.find((p) => p.id === id)!.name;
  // The view from what is about to be written (the same as reading it back: a test holds them equal).
  const view = presentGift(
    gift.row,
    donor.name,
    {
      allocations: gift.allocations.map((a) => ({
        ...a,
        fundName: funds.find((f) => f.id === a.fundId)!.name,
      })),
      softCredits: gift.softCredits.map((c) => ({ ...c, contactName: named(c.contactId) })),
      adjustments: [],
      thanks: [],
    },
    thanksClock && clockRowOf(thanksClock, now),
    input.kind === 'pledge' ? 0 : null,
    {
      thanksUser: planned.thanksPlan?.user ?? undefined,
      deliverableClocks: planned.reports.map((s) => clockRowOf(s, now)),
    },
  );
  const timeline = [
    ...giftEntries(actor, gift.row, donor.name, softCredits, now),
    ...planned.move.timeline,
    ...planned.tributes.timeline,
  ].map((r) => ({ id: newId(), ...r }));
  const clocks = clockStartWrites(tx, [...planned.thanks, ...planned.reports]);
  const mail = emailWrites(planned.tributes.emails, now);
  const notices = [...clocks.notices, ...mail.notices];
  await writeTogether(
    tx,
    [
      ...insertGiftQueries(gift),
      ...placementQueries(actor.orgId, planned.move.placements, now),
      insertInteractionsQuery(timeline),
      ...clocks.parts,
      ...mail.parts,
      auditRowsQuery(
        [
          ...planned.move.audit,
          { action: 'create' as const, entityType: 'gift', entityId: gift.row.id, after: view },
        ].map((e) => auditRow(actor, e)),
      ),
    ],
    notifyInline ? notices : [],
  );
  return { view, notices };
}

/** The gift's rows, ids made here in order (they read back in the order they were given). */
function giftWrite(
  actor: Actor,
  input: GiftInput,
  terms: ReturnType<typeof giftTerms>,
  pledgeId: string | null,
  now: Date,
): GiftWrite {
  const orgId = actor.orgId;
  const giftId = newId();
  return {
    row: {
      id: giftId,
      orgId,
      contactId: input.contactId,
      kind: input.kind,
      amount: terms.amount,
      currency: input.currency,
      receivedOn: input.receivedOn,
      paymentMethod: input.paymentMethod ?? null,
      campaign: input.campaign ?? null,
      appeal: input.appeal ?? null,
      pledgeId,
      details: terms.details,
      thanksMethod: null,
      thanksUserId: null,
      createdByUserId: actor.userId,
      createdAt: now,
    },
    allocations: (input.allocations ?? []).map((a) => ({
      id: newId(),
      orgId,
      giftId,
      fundId: a.fundId,
      amount: a.amount,
    })),
    softCredits: (input.softCredits ?? []).map((s) => ({
      id: newId(),
      orgId,
      giftId,
      contactId: s.contactId,
      type: s.type,
      amount: s.amount ?? null,
      notifyContactId: s.notifyContactId ?? null,
    })),
  };
}

/**
 * What a gift sets going, decided in memory: the donor's level (their read totals plus this
 * gift), the segments and policy it runs under, its thank-you clock and plan, a grant's
 * deliverable clocks, the tribute notices.
 */
function plan(
  actor: Actor,
  row: GiftRow,
  donor: GiftPerson,
  tributes: readonly Tribute[],
  ctx: GiftIntake,
  starts: WindowStarts,
  timeZone: string,
  now: Date,
) {
  const placed = placeFromFacts(row.contactId, ctx, starts, row);
  // What gift policies match on. Segments: the donor's tags, what the gift itself says
  // (first-gift, major-gift, recurring: thanks/segments.ts) and the donor's level slug.
  const segments = [
    ...donor.tags,
    ...giftSegments(row, ctx, ctx.settings),
    ...(placed.level ? [placed.level.slug] : []),
  ];
  const subject = {
    type: 'gift' as const,
    id: row.id,
    facts: { roles: donor.roles, segments, category: row.kind },
  };
  const matched = termsFrom(ctx.policies, subject);
  const thanks = planStarts(actor.orgId, subject, matched, ctx.calendars, now);
  return {
    move: moveEntries(actor, now, placed.move ? [placed.move] : []),
    thanks,
    thanksPlan: planThanks(matched.thanks, donor.ownerUserId, ctx.users),
    reports: deliverableStarts(row, timeZone, now),
    tributes: tributeNotices(actor, row, donor.name, tributes, ctx.people, ctx, now),
  };
}

/** The gift on its donor's timeline, and on each soft-credited contact's. */
function giftEntries(
  actor: Actor,
  row: GiftRow,
  donorName: string,
  softCredits: NonNullable<GiftInput['softCredits']>,
  now: Date,
) {
  const what = `${row.kind.replace('_', '-')} gift${row.amount === null ? '' : ` of ${formatMoney(row.amount, row.currency)}`}`;
  const entry = {
    kind: 'gift' as const,
    channel: 'system' as const,
    sourceType: 'gift',
    sourceId: row.id,
    occurredAt: now,
  };
  return [
    timelineRow(actor, row.contactId, {
      ...entry,
      direction: 'inbound',
      summary: `${promisedKinds.includes(row.kind) ? 'Promised' : 'Gave'}: ${what}`,
    }),
    ...softCredits.map((s) =>
      timelineRow(actor, s.contactId, {
        ...entry,
        direction: 'internal',
        summary: `Soft credit (${s.type.replace('_', ' ')}): ${what} from ${donorName}`,
      }),
    ),
  ];
}

// planClockStart fills every column of the row but created_at (the database's now()), which no
// view shows.
const clockRowOf = (s: ClockStart, createdAt: Date) => ({ ...s.clock, createdAt }) as ClockRow;
