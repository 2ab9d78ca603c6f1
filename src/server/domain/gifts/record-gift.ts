import type { Clock } from '../../../core/clock';
import { promisedKinds } from '../../../shared/gifts';
import type { GiftInput } from '../../../shared/schemas/gifts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { contactsAmong, findGift, insertGift } from '../../db/repositories/gifts';
import { fundsAmong } from '../../db/repositories/funds';
import { invalid } from '../../errors';
import type { Actor } from '../actor';
import { placeDonor } from '../levels/place-donor';
import { startPromises, termsFor } from '../promises/clocks';
import { startDeliverables } from '../thanks/deliverables';
import { planThanks } from '../thanks/plan';
import { giftSegments } from '../thanks/segments';
import { notifyTributes } from '../thanks/tributes';
import { appendToTimeline } from '../timeline/timeline';
import { giftTerms } from './gift-terms';
import { broken, formatMoney } from './money';
import { deliverableClocks } from '../../db/repositories/thanks';
import { presentGift } from '../../presenters/gift';

type Contacts = Awaited<ReturnType<typeof contactsAmong>>;

/**
 * Records a gift of any kind in the caller's transaction: checks its money rules, writes it with
 * its designations and soft credits, puts it on the donor's (and each soft-credited contact's)
 * timeline, audits it, and starts its thank-you promise (with the plan of the policy that matched),
 * a grant's deliverable promises, and tells those a tribute names to notify.
 */
export async function recordGift(tx: Executor, clock: Clock, actor: Actor, input: GiftInput) {
  const now = clock.now();
  const terms = giftTerms(input);
  const allocations = input.allocations ?? [];
  const softCredits = input.softCredits ?? [];
  const people = await contactsAmong(tx, actor.orgId, [
    input.contactId,
    ...softCredits.flatMap((s) => [s.contactId, ...(s.notifyContactId ? [s.notifyContactId] : [])]),
  ]);
  const donor = people.find((p) => p.id === input.contactId);
  if (!donor) throw invalid('contactId', 'no such contact');
  if (input.kind === 'grant' && donor.kind !== 'organization')
    throw invalid('contactId', 'a grant comes from an organization (the funder)');
  const funds = await checkAllocations(tx, actor.orgId, terms.amount, allocations);
  checkSoftCredits(input.contactId, terms.amount, softCredits, people);
  const pledgeId = 'pledgeId' in input ? input.pledgeId : undefined;
  if (pledgeId) await checkPledge(tx, actor.orgId, pledgeId, input);

  const written = await insertGift(
    tx,
    {
      orgId: actor.orgId,
      contactId: input.contactId,
      kind: input.kind,
      amount: terms.amount,
      currency: input.currency,
      receivedOn: input.receivedOn,
      paymentMethod: input.paymentMethod ?? null,
      campaign: input.campaign ?? null,
      appeal: input.appeal ?? null,
      pledgeId: pledgeId ?? null,
      details: terms.details,
      createdByUserId: actor.userId,
      createdAt: now,
    },
    allocations.map((a) => ({ orgId: actor.orgId, fundId: a.fundId, amount: a.amount })),
    softCredits.map((s) => ({
      orgId: actor.orgId,
      contactId: s.contactId,
      type: s.type,
      amount: s.amount ?? null,
      notifyContactId: s.notifyContactId ?? null,
    })),
  );
  const row = written.row;
  const what = `${input.kind.replace('_', '-')} gift${terms.amount === null ? '' : ` of ${formatMoney(terms.amount, input.currency)}`}`;
  const entry = {
    kind: 'gift' as const,
    channel: 'system' as const,
    sourceType: 'gift',
    sourceId: row.id,
    occurredAt: now,
  };
  await appendToTimeline(tx, actor, input.contactId, {
    ...entry,
    direction: 'inbound',
    summary: `${promisedKinds.includes(input.kind) ? 'Promised' : 'Gave'}: ${what}`,
  });
  for (const s of softCredits)
    await appendToTimeline(tx, actor, s.contactId, {
      ...entry,
      direction: 'internal',
      summary: `Soft credit (${s.type.replace('_', ' ')}): ${what} from ${donor.name}`,
    });
  // What gift policies match on. Segments: the donor's tags, what the gift itself says
  // (first-gift, major-gift, recurring: thanks/segments.ts) and the donor's level slug.
  const level = await placeDonor(tx, clock, actor.orgId, input.contactId, actor);
  const segments = [
    ...donor.tags,
    ...(await giftSegments(tx, actor.orgId, row)),
    ...(level ? [level] : []),
  ];
  const subject = {
    type: 'gift' as const,
    id: row.id,
    facts: { roles: donor.roles, segments, category: input.kind },
  };
  const matched = await termsFor(tx, actor.orgId, subject);
  const thanksClock = (
    await startPromises(tx, clock, actor.orgId, subject, undefined, matched)
  ).findLast((c) => c.target === 'thanks');
  const plan = await planThanks(tx, actor.orgId, row, matched.thanks, donor.ownerUserId);
  await startDeliverables(tx, clock, row);
  await notifyTributes(tx, clock, actor, row, donor.name, softCredits);
  // The view from what was just written (the same as reading it back: a test holds them equal).
  const view = presentGift(
    { ...row, thanksMethod: plan?.method ?? null, thanksUserId: plan?.user?.id ?? null },
    donor.name,
    {
      allocations: written.allocations.map((a) => ({
        ...a,
        fundName: funds.find((f) => f.id === a.fundId)!.name,
      })),
      softCredits: written.softCredits.map((c) => ({
        ...c,
        contactName: people.find((p) => p.id === c.contactId)!.name,
      })),
      adjustments: [],
      thanks: [],
    },
    thanksClock,
    input.kind === 'pledge' ? 0 : null,
    {
      thanksUser: plan?.user ?? undefined,
      deliverableClocks:
        input.kind === 'grant' ? await deliverableClocks(tx, actor.orgId, [row.id]) : [],
    },
  );
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'gift',
    entityId: row.id,
    after: view,
  });
  return view;
}

async function checkAllocations(
  tx: Executor,
  orgId: string,
  amount: number | null,
  allocations: NonNullable<GiftInput['allocations']>,
) {
  if (allocations.length === 0) return [];
  if (amount === null)
    throw broken('allocations', 'a gift without an amount cannot be designated to funds');
  const funds = await fundsAmong(
    tx,
    orgId,
    allocations.map((a) => a.fundId),
  );
  const known = new Set(funds.map((f) => f.id));
  const seen = new Set<string>();
  allocations.forEach((a, i) => {
    if (!known.has(a.fundId)) throw invalid(`allocations.${i}.fundId`, 'no such fund');
    if (seen.has(a.fundId)) throw invalid(`allocations.${i}.fundId`, 'this fund appears twice');
    seen.add(a.fundId);
  });
  const sum = allocations.reduce((s, a) => s + a.amount, 0);
  if (sum !== amount)
    throw broken('allocations', `the parts add up to ${sum}, not the gift's ${amount}`);
  return funds;
}

function checkSoftCredits(
  donorId: string,
  amount: number | null,
  softCredits: NonNullable<GiftInput['softCredits']>,
  people: Contacts,
) {
  const known = new Set(people.map((p) => p.id));
  const seen = new Set<string>();
  softCredits.forEach((s, i) => {
    const at = `softCredits.${i}`;
    if (s.contactId === donorId)
      throw broken(`${at}.contactId`, 'the donor cannot be soft-credited for their own gift');
    if (!known.has(s.contactId)) throw invalid(`${at}.contactId`, 'no such contact');
    if (seen.has(s.contactId)) throw invalid(`${at}.contactId`, 'this contact appears twice');
    seen.add(s.contactId);
    if (s.amount !== undefined && (amount === null || s.amount > amount))
      throw broken(`${at}.amount`, 'a soft credit cannot exceed the gift');
    if (s.notifyContactId !== undefined) {
      if (s.type !== 'in_honour' && s.type !== 'in_memory')
        throw invalid(`${at}.notifyContactId`, 'only a tribute names someone to notify');
      if (!known.has(s.notifyContactId)) throw invalid(`${at}.notifyContactId`, 'no such contact');
    }
  });
}

async function checkPledge(tx: Executor, orgId: string, pledgeId: string, input: GiftInput) {
  const pledge = await findGift(tx, orgId, pledgeId);
  if (!pledge || pledge.kind !== 'pledge') throw invalid('pledgeId', 'no such pledge');
  if (pledge.contactId !== input.contactId)
    throw broken('pledgeId', "the pledge is another contact's");
  if (pledge.currency !== input.currency)
    throw broken('currency', `the pledge is in ${pledge.currency}`);
}
