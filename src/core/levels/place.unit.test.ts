import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareLevels,
  levelWindows,
  noGiving,
  placeLevel,
  reaches,
  windowStart,
  type PlaceableLevel,
  type WindowTotals,
} from './place';

const level = (slug: string, minAmount: number, extra: Partial<PlaceableLevel> = {}) => ({
  id: slug,
  slug,
  minAmount,
  currency: 'EUR',
  window: 'lifetime' as const,
  ...extra,
});
const gave = (by: Partial<WindowTotals>): WindowTotals => ({ ...noGiving(), ...by });

describe('placeLevel', () => {
  const bronze = level('bronze', 10_000);
  const silver = level('silver', 50_000);
  const gold = level('gold', 100_000);

  it('places a donor in the highest level whose minimum they reach', () => {
    const totals = gave({ lifetime: { EUR: 100_000 } });
    expect(placeLevel([bronze, gold, silver], totals)?.slug).toBe('gold');
    expect(placeLevel([bronze, gold, silver], gave({ lifetime: { EUR: 99_999 } }))?.slug).toBe(
      'silver',
    );
  });

  it('places nobody below the lowest minimum, and nobody when there are no levels', () => {
    expect(placeLevel([bronze, silver], gave({ lifetime: { EUR: 9_999 } }))).toBeUndefined();
    expect(placeLevel([], gave({ lifetime: { EUR: 1e9 } }))).toBeUndefined();
  });

  it('never counts another currency towards a level', () => {
    expect(placeLevel([gold], gave({ lifetime: { USD: 500_000 } }))).toBeUndefined();
    const usd = level('usd-gold', 100_000, { currency: 'USD' });
    expect(placeLevel([gold, usd], gave({ lifetime: { USD: 100_000 } }))?.slug).toBe('usd-gold');
  });

  it("looks at each level's own window", () => {
    const annual = level('annual', 60_000, { window: 'this_year' });
    const totals = gave({ lifetime: { EUR: 80_000 }, this_year: { EUR: 20_000 } });
    expect(placeLevel([silver, annual], totals)?.slug).toBe('silver');
    const generous = gave({ lifetime: { EUR: 80_000 }, this_year: { EUR: 70_000 } });
    expect(placeLevel([silver, annual], generous)?.slug).toBe('annual');
  });

  it('breaks a tie of minimums by the narrower window, then by slug', () => {
    const a = level('a', 50_000, { window: 'last_12_months' });
    const b = level('b', 50_000, { window: 'this_year' });
    const all = gave({
      lifetime: { EUR: 50_000 },
      last_12_months: { EUR: 50_000 },
      this_year: { EUR: 50_000 },
    });
    expect(placeLevel([silver, a, b], all)?.slug).toBe('b');
    expect(placeLevel([level('y', 5), level('x', 5)], gave({ lifetime: { EUR: 5 } }))?.slug).toBe(
      'x',
    );
  });
});

describe('placeLevel properties', () => {
  const levelArb = fc.record({
    id: fc.uuid(),
    slug: fc.stringMatching(/^[a-z0-9-]{1,8}$/),
    minAmount: fc.integer({ min: 1, max: 1_000_000 }),
    currency: fc.constantFrom('EUR', 'USD'),
    window: fc.constantFrom(...levelWindows),
  });
  const levelsArb = fc.uniqueArray(levelArb, { selector: (l) => l.slug, maxLength: 8 });
  const amounts = fc.dictionary(
    fc.constantFrom('EUR', 'USD', 'GBP'),
    fc.integer({ min: -1000, max: 2_000_000 }),
  );
  const totalsArb = fc.record({ lifetime: amounts, last_12_months: amounts, this_year: amounts });

  it('never places a donor in a level whose minimum they do not reach in its currency', () => {
    fc.assert(
      fc.property(levelsArb, totalsArb, (levels, totals) => {
        const placed = placeLevel(levels, totals);
        if (placed)
          expect(totals[placed.window][placed.currency] ?? 0).toBeGreaterThanOrEqual(
            placed.minAmount,
          );
      }),
    );
  });

  it('always places them in the highest level they reach, whatever the order of the levels', () => {
    fc.assert(
      fc.property(levelsArb, totalsArb, (levels, totals) => {
        const placed = placeLevel(levels, totals);
        const reached = levels.filter((l) => reaches(l, totals));
        if (reached.length === 0) {
          expect(placed).toBeUndefined();
          return;
        }
        expect(placed).toBeDefined();
        for (const l of reached) expect(compareLevels(placed!, l)).toBeLessThanOrEqual(0);
        expect(placeLevel([...levels].reverse(), totals)).toBe(placed);
      }),
    );
  });

  it('never moves a donor down when they give more', () => {
    fc.assert(
      fc.property(levelsArb, totalsArb, fc.nat({ max: 1_000_000 }), (levels, totals, more) => {
        const before = placeLevel(levels, totals);
        const add = (r: Readonly<Record<string, number>>) => ({ ...r, EUR: (r.EUR ?? 0) + more });
        const after = placeLevel(levels, {
          lifetime: add(totals.lifetime),
          last_12_months: add(totals.last_12_months),
          this_year: add(totals.this_year),
        });
        if (before) expect(after && compareLevels(after, before)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('windows', () => {
  it('starts this year on 1 January and the last 12 months the day after a year ago', () => {
    expect(windowStart('lifetime', '2026-11-30')).toBeNull();
    expect(windowStart('this_year', '2026-11-30')).toBe('2026-01-01');
    expect(windowStart('last_12_months', '2026-11-30')).toBe('2025-12-01');
    expect(windowStart('last_12_months', '2026-12-31')).toBe('2026-01-01');
    expect(windowStart('last_12_months', '2028-02-29')).toBe('2027-03-02');
  });
});
