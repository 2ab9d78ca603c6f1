import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareInProportion } from './share';

describe('shareInProportion', () => {
  it('shares a partly refunded gift across its split in proportion', () => {
    expect(shareInProportion(6000, [5000, 5000])).toEqual([3000, 3000]);
    expect(shareInProportion(6000, [6000, 4000])).toEqual([3600, 2400]);
  });

  it('gives the units left over to the largest remainders, the earlier part on a tie', () => {
    expect(shareInProportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(shareInProportion(10, [1, 2, 3])).toEqual([2, 3, 5]);
  });

  it('shares evenly when every weight is zero, and nothing across nothing', () => {
    expect(shareInProportion(5, [0, 0])).toEqual([3, 2]);
    expect(shareInProportion(0, [])).toEqual([]);
  });

  it('stays exact for amounts whose products pass 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(shareInProportion(big, [big - 1, 1])).toEqual([big - 1, 1]);
  });

  it('refuses negative or fractional amounts and weights', () => {
    expect(() => shareInProportion(-1, [1])).toThrow(RangeError);
    expect(() => shareInProportion(1.5, [1])).toThrow(RangeError);
    expect(() => shareInProportion(1, [0.5])).toThrow(RangeError);
    expect(() => shareInProportion(1, [])).toThrow(RangeError);
  });

  it('adds up to the amount exactly, none negative, each within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }),
        (amount, weights) => {
          const parts = shareInProportion(amount, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
          const total = weights.reduce((s, w) => s + w, 0);
          const ws = total === 0 ? weights.map(() => 1) : weights;
          const sum = ws.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(Math.abs(p - (amount * ws[i]!) / sum)).toBeLessThanOrEqual(1);
          });
        },
      ),
    );
  });
});
