/**
 * Donor levels ("treat different people differently"): which level a donor's own giving places
 * them in. Pure: the server loads the levels and the donor's totals and stores the answer.
 */

/** The stretch of giving a level looks at, counted in the organization's time zone. */
export const levelWindows = ['lifetime', 'last_12_months', 'this_year'] as const;
/** One level window. */
export type LevelWindow = (typeof levelWindows)[number];

/** The part of a level placement needs. */
export type PlaceableLevel = {
  id: string;
  slug: string;
  minAmount: number;
  currency: string;
  window: LevelWindow;
};

/**
 * A donor's own giving (money received net of refunds and corrections; soft credits and
 * promises excluded) in minor units, per window and currency: `totals.this_year.EUR`.
 */
export type WindowTotals = Record<LevelWindow, Readonly<Record<string, number>>>;

/** No giving at all. */
export const noGiving = (): WindowTotals => ({ lifetime: {}, last_12_months: {}, this_year: {} });

// A narrower window is harder to reach with the same minimum, so it ranks higher on a tie.
const narrowness: Record<LevelWindow, number> = { lifetime: 0, last_12_months: 1, this_year: 2 };

/**
 * Orders levels from highest to lowest: by minimum, then by the narrower window, then by slug
 * (slugs are unique, so the order is total and placement never depends on the input order).
 */
export function compareLevels(a: PlaceableLevel, b: PlaceableLevel): number {
  return (
    b.minAmount - a.minAmount ||
    narrowness[b.window] - narrowness[a.window] ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

/** Whether the donor's giving in the level's window and currency reaches its minimum. */
export function reaches(level: PlaceableLevel, totals: WindowTotals): boolean {
  return (totals[level.window][level.currency] ?? 0) >= level.minAmount;
}

/**
 * The highest level whose minimum the donor's giving reaches in that level's window and
 * currency (another currency never counts towards it), or undefined.
 * @example placeLevel([gold, silver], { ...noGiving(), lifetime: { EUR: 150_000 } }) // gold if its minimum ≤ 150 000
 */
export function placeLevel<L extends PlaceableLevel>(
  levels: readonly L[],
  totals: WindowTotals,
): L | undefined {
  let best: L | undefined;
  for (const level of levels)
    if (reaches(level, totals) && (!best || compareLevels(level, best) < 0)) best = level;
  return best;
}

/** The first day (YYYY-MM-DD, inclusive) of a window, on the organization's date `today`. */
export function windowStart(window: LevelWindow, today: string): string | null {
  if (window === 'lifetime') return null;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (window === 'this_year') return `${y}-01-01`;
  // The day after the same date a year ago: the last 365 days (366 across a 29 February).
  const start = new Date(Date.UTC(y - 1, m - 1, d + 1));
  return start.toISOString().slice(0, 10);
}
