import { describe, expect, it } from 'vitest';
import { noGiving } from '../../../core/levels/place';
import type { LevelRow } from '../../db/repositories/levels';
import { giftSegments } from '../thanks/segments';
import { placeAfter, placeFromFacts, standingOf, withGift } from './place-donor';

const starts = { last_12_months: '2025-12-01', this_year: '2026-01-01' };
const gift = {
  kind: 'one_time' as const,
  amount: 40_000,
  currency: 'EUR',
  receivedOn: '2026-11-30',
};
const level = (slug: string, minAmount: number, window: LevelRow['window']) =>
  ({ id: `id-${slug}`, name: slug, slug, minAmount, currency: 'EUR', window }) as LevelRow;

describe('withGift', () => {
  it('adds money received to every window its date falls in, in its currency', () => {
    const t = withGift(
      { ...noGiving(), lifetime: { EUR: 1_000, USD: 5 } },
      { ...gift, receivedOn: '2025-12-15' },
      starts,
    );
    expect(t).toEqual({
      lifetime: { EUR: 41_000, USD: 5 },
      last_12_months: { EUR: 40_000 },
      this_year: {},
    });
  });

  it('leaves out promises and gifts without an amount', () => {
    expect(withGift(noGiving(), { ...gift, kind: 'pledge' }, starts)).toEqual(noGiving());
    expect(withGift(noGiving(), { ...gift, kind: 'in_kind', amount: null }, starts)).toEqual(
      noGiving(),
    );
  });
});

describe('placeFromFacts', () => {
  const facts = (current: string | null) => ({
    levels: [level('gold', 100_000, 'lifetime'), level('silver', 50_000, 'this_year')],
    current,
    totals: [{ currency: 'EUR', lifetime: '70000', last_12_months: '0', this_year: '0' }],
  });

  it('counts the gift about to be written, and moves the donor when their level changes', () => {
    const placed = placeFromFacts('donor', facts(null), starts, gift);
    expect(placed.level?.slug).toBe('gold');
    expect(placed.move).toMatchObject({
      contactId: 'donor',
      from: undefined,
      to: { slug: 'gold' },
    });
  });

  it('moves nobody who stays where they are', () => {
    expect(placeFromFacts('donor', facts('id-gold'), starts, gift).move).toBeUndefined();
    expect(placeFromFacts('donor', facts(null), starts).level).toBeUndefined();
  });
});

describe('giftSegments', () => {
  const none = { gaveBefore: true, recurring: false };
  it('names a first gift, a major one in the threshold currency, and a recurring donor', () => {
    const threshold = { majorGiftAmount: 40_000, currency: 'EUR' };
    expect(giftSegments(gift, { ...none, gaveBefore: false }, threshold)).toEqual([
      'first-gift',
      'major-gift',
    ]);
    expect(giftSegments({ ...gift, currency: 'USD' }, none, threshold)).toEqual([]);
    expect(giftSegments(gift, { ...none, recurring: true }, null)).toEqual(['recurring']);
    expect(giftSegments({ ...gift, amount: null }, none, threshold)).toEqual([]);
  });
});

describe('placeAfter', () => {
  const levels = [level('gold', 100_000, 'lifetime'), level('silver', 50_000, 'lifetime')];

  it("starts a donor's next gift of a batch from their standing after the one before", () => {
    const first = placeAfter('donor', levels, standingOf({ current: null, totals: [] }), starts, {
      ...gift,
      amount: 60_000,
    });
    expect(first.move).toMatchObject({ from: undefined, to: { slug: 'silver' } });
    const second = placeAfter('donor', levels, first.standing, starts, gift);
    expect(second.move).toMatchObject({ from: { slug: 'silver' }, to: { slug: 'gold' } });
    expect(second.standing).toEqual({
      current: 'id-gold',
      totals: {
        lifetime: { EUR: 100_000 },
        last_12_months: { EUR: 100_000 },
        this_year: { EUR: 100_000 },
      },
    });
    expect(placeAfter('donor', levels, second.standing, starts, gift).move).toBeUndefined();
  });
});
