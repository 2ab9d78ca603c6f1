/**
 * Shares an amount of integer minor units across parts in proportion to their weights, by
 * largest remainder: each part gets the floor of its exact share, and the units left over go one
 * each to the parts with the largest remainders (the earlier part on a tie). The parts add up to
 * the amount exactly, none is negative, and each is within one unit of its exact share. Weights
 * that are all zero share the amount evenly. BigInt arithmetic, so large sums stay exact.
 *
 * @example
 * shareInProportion(6000, [5000, 5000]); // [3000, 3000]
 * shareInProportion(100, [1, 1, 1]); // [34, 33, 33]
 */
export function shareInProportion(amount: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError('amount must be a non-negative integer');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError('weights must be non-negative integers');
  if (weights.length === 0) {
    if (amount !== 0) throw new RangeError('an amount cannot be shared across no parts');
    return [];
  }
  const ws = weights.every((w) => w === 0) ? weights.map(() => 1n) : weights.map(BigInt);
  const total = ws.reduce((s, w) => s + w, 0n);
  const whole = BigInt(amount);
  const parts = ws.map((w) => (whole * w) / total);
  const remainders = ws.map((w, i) => ({ i, r: (whole * w) % total }));
  let left = whole - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  // Fewer units are left than there are parts, each going to a part with a remainder.
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
