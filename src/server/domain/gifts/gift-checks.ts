import type { GiftInput } from '../../../shared/schemas/gifts';
import type { GiftIntake, PledgeFacts } from '../../db/repositories/gift-intake';
import { invalid } from '../../errors';
import { broken } from './money';

/**
 * Checks a gift's designations against the funds read for it: each a fund of the organization,
 * none twice, adding up to the gift's amount (which it must have). Returns the funds named.
 */
export function checkAllocations(
  amount: number | null,
  allocations: NonNullable<GiftInput['allocations']>,
  funds: GiftIntake['funds'],
): GiftIntake['funds'] {
  if (allocations.length === 0) return [];
  if (amount === null)
    throw broken('allocations', 'a gift without an amount cannot be designated to funds');
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

/**
 * Checks soft credits against the live contacts read for the gift: never the donor, each a
 * contact once, never more than the gift; only a tribute names someone (known) to notify.
 */
export function checkSoftCredits(
  donorId: string,
  amount: number | null,
  softCredits: NonNullable<GiftInput['softCredits']>,
  people: readonly { id: string }[],
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

/** Checks that a payment's pledge is a pledge of the same donor, in the same currency. */
export function checkPledge(pledge: PledgeFacts | undefined, input: GiftInput) {
  if (!pledge || pledge.kind !== 'pledge') throw invalid('pledgeId', 'no such pledge');
  if (pledge.contactId !== input.contactId)
    throw broken('pledgeId', "the pledge is another contact's");
  if (pledge.currency !== input.currency)
    throw broken('currency', `the pledge is in ${pledge.currency}`);
}
