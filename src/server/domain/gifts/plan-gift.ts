import { newId } from '../../../core/ids';
import { promisedKinds } from '../../../shared/gifts';
import type { GiftInput } from '../../../shared/schemas/gifts';
import type { AuditEntry } from '../../db/repositories/audit';
import type { GiftIntake, GiftPerson } from '../../db/repositories/gift-intake';
import type { GiftRow, GiftWrite } from '../../db/repositories/gifts';
import type { WindowStarts } from '../../db/repositories/levels';
import type { ClockRow } from '../../db/repositories/promises';
import { invalid } from '../../errors';
import { presentGift, type GiftView } from '../../presenters/gift';
import type { Actor } from '../actor';
import { moveEntries, placeAfter, standingOf, type Standing } from '../levels/place-donor';
import { planStarts, termsFrom, type ClockStart } from '../promises/clocks';
import { deliverableStarts } from '../thanks/deliverables';
import { planThanks } from '../thanks/plan';
import { giftSegments, recurringSince } from '../thanks/segments';
import { tributeNotices, type Tribute } from '../thanks/tributes';
import { timelineRow } from '../timeline/timeline';
import { checkAllocations, checkPledge, checkSoftCredits } from './gift-checks';
import type { GiftTerms } from './gift-terms';
import { formatMoney } from './money';

/** One gift to record: who records it and what it is. */
export type GiftItem = { actor: Actor; input: GiftInput };

/** A donor while a batch is planned: as read, then after each gift of theirs planned in turn. */
type Donor = {
  person: GiftPerson;
  standing: Standing;
  gaveBefore: boolean;
  lastRecurringOn: string | null;
};

/** What a batch of gifts is planned from: the intake read for it, and its donors so far. */
export type GiftBatch = {
  ctx: GiftIntake;
  donors: Map<string, Donor>;
  starts: WindowStarts;
  timeZone: string;
  now: Date;
};

/** A gift planned in full: its rows, what it sets going, and its answer. */
export type PlannedGift = ReturnType<typeof planGift>;

/** The batch's donors that exist (live contacts), from the intake. */
export function giftBatch(
  ctx: GiftIntake,
  starts: WindowStarts,
  timeZone: string,
  now: Date,
): GiftBatch {
  const people = new Map(ctx.people.map((p) => [p.id, p]));
  const donors = new Map<string, Donor>();
  for (const d of ctx.donors) {
    const person = people.get(d.id);
    if (person)
      donors.set(d.id, {
        person,
        standing: standingOf(d),
        gaveBefore: d.gaveBefore,
        lastRecurringOn: d.lastRecurringOn,
      });
  }
  return { ctx, donors, starts, timeZone, now };
}

/**
 * Checks and plans one gift of a batch (pure but for its donor's state; throws its own error):
 * its rows, its donor's level (their totals plus this gift), the segments and policy it runs
 * under, its thank-you clock and plan, a grant's deliverable clocks, the tribute notices, its
 * timeline and audit entries, and its answer. Its donor's state then counts it, so their next
 * gift of the batch sees it as stored (first gift, recurring, totals, level).
 */
export function planGift(batch: GiftBatch, item: GiftItem, terms: GiftTerms) {
  const { actor, input } = item;
  const { donor, funds, pledgeId } = checkGift(batch, input, terms);
  const softCredits = input.softCredits ?? [];
  const gift = giftWrite(actor, input, terms, pledgeId, batch.now);
  const set = setGoing(batch, actor, gift.row, donor, softCredits);
  // The plan is written on the gift row itself (no plan: by email, anyone; the columns stay null).
  gift.row.thanksMethod = set.thanksPlan?.method ?? null;
  gift.row.thanksUserId = set.thanksPlan?.user?.id ?? null;
  const view = viewOf(batch, gift, donor.person.name, funds, set);
  counted(donor, gift.row, set.standing);
  const audit: AuditEntry[] = [
    ...set.move.audit,
    { action: 'create', entityType: 'gift', entityId: gift.row.id, after: view },
  ];
  return {
    actor,
    gift,
    view,
    placements: set.move.placements,
    timeline: [
      ...giftEntries(actor, gift.row, donor.person.name, softCredits, batch.now),
      ...set.move.timeline,
      ...set.tributes.timeline,
    ].map((r) => ({ id: newId(), ...r })),
    starts: [...set.thanks, ...set.reports],
    emails: set.tributes.emails,
    audit,
  };
}

/** Checks a gift against what the batch read (throws its error): its donor, funds and pledge. */
function checkGift(batch: GiftBatch, input: GiftInput, terms: GiftTerms) {
  const { ctx } = batch;
  const pledgeId = ('pledgeId' in input ? input.pledgeId : undefined) ?? null;
  const donor = batch.donors.get(input.contactId);
  if (!donor) throw invalid('contactId', 'no such contact');
  if (input.kind === 'grant' && donor.person.kind !== 'organization')
    throw invalid('contactId', 'a grant comes from an organization (the funder)');
  const funds = checkAllocations(terms.amount, input.allocations ?? [], ctx.funds);
  checkSoftCredits(input.contactId, terms.amount, input.softCredits ?? [], ctx.people);
  if (pledgeId)
    checkPledge(
      ctx.pledges.find((p) => p.id === pledgeId),
      input,
    );
  return { donor, funds, pledgeId };
}

/** The gift's view from what is about to be written (a test holds it equal to reading it back). */
function viewOf(
  batch: GiftBatch,
  gift: GiftWrite,
  donorName: string,
  funds: GiftIntake['funds'],
  set: ReturnType<typeof setGoing>,
): GiftView {
  const { ctx, now } = batch;
  const named = (id: string) => ctx.people.find((p) => p.id === id)!.name;
  const thanksClock = set.thanks.findLast((s) => s.clock.target === 'thanks');
  return presentGift(
    gift.row,
    donorName,
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
    gift.row.kind === 'pledge' ? 0 : null,
    {
      thanksUser: set.thanksPlan?.user ?? undefined,
      deliverableClocks: set.reports.map((s) => clockRowOf(s, now)),
    },
  );
}

/** Counts a planned gift in its donor's state, as reading it back once stored would. */
function counted(donor: Donor, row: GiftRow, standing: Standing) {
  donor.standing = standing;
  donor.gaveBefore = true;
  if (row.kind === 'recurring' && (donor.lastRecurringOn ?? '') < row.receivedOn)
    donor.lastRecurringOn = row.receivedOn;
}

/** The gift's rows, ids made here in order (they read back in the order they were given). */
function giftWrite(
  actor: Actor,
  input: GiftInput,
  terms: GiftTerms,
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
 * What a gift sets going, decided in memory: the donor's level (their totals so far plus this
 * gift), the segments and policy it runs under, its thank-you clock and plan, a grant's
 * deliverable clocks, the tribute notices.
 */
function setGoing(
  batch: GiftBatch,
  actor: Actor,
  row: GiftRow,
  donor: Donor,
  tributes: readonly Tribute[],
) {
  const { ctx, starts, now } = batch;
  const placed = placeAfter(row.contactId, ctx.levels, donor.standing, starts, row);
  const history = {
    gaveBefore: donor.gaveBefore,
    recurring:
      donor.lastRecurringOn !== null && donor.lastRecurringOn >= recurringSince(row.receivedOn),
  };
  // What gift policies match on. Segments: the donor's tags, what the gift itself says
  // (first-gift, major-gift, recurring: thanks/segments.ts) and the donor's level slug.
  const segments = [
    ...donor.person.tags,
    ...giftSegments(row, history, ctx.settings),
    ...(placed.level ? [placed.level.slug] : []),
  ];
  const subject = {
    type: 'gift' as const,
    id: row.id,
    facts: { roles: donor.person.roles, segments, category: row.kind },
  };
  const matched = termsFrom(ctx.policies, subject);
  return {
    standing: placed.standing,
    move: moveEntries(actor, now, placed.move ? [placed.move] : []),
    thanks: planStarts(actor.orgId, subject, matched, ctx.calendars, now),
    thanksPlan: planThanks(matched.thanks, donor.person.ownerUserId, ctx.users),
    reports: deliverableStarts(row, batch.timeZone, now),
    tributes: tributeNotices(actor, row, donor.person.name, tributes, ctx.people, ctx, now),
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
