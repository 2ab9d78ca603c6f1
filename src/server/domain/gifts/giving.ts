import { yearIn } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { givingFigures, type GivingYear } from '../../db/repositories/giving';
import { notFound } from '../../errors';
import type { Actor } from '../actor';

/** Totals of one currency: this calendar year, last year, and all time. */
type Totals = { currency: string; thisYear: number; lastYear: number; lifetime: number };

function totalsOf(rows: GivingYear[], year: number): Totals[] {
  const by = new Map<string, Totals>();
  for (const r of rows) {
    const t = by.get(r.currency) ?? { currency: r.currency, thisYear: 0, lastYear: 0, lifetime: 0 };
    t.lifetime += r.total;
    if (r.year === year) t.thisYear += r.total;
    if (r.year === year - 1) t.lastYear += r.total;
    by.set(r.currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * Years in a row with a gift, counted back from this year — or from last year while this year
 * has none yet, so a faithful donor is not "lapsed" on the 2nd of January.
 */
export function consecutiveYears(years: ReadonlySet<number>, thisYear: number): number {
  let y = years.has(thisYear) ? thisYear : thisYear - 1;
  let n = 0;
  while (years.has(y)) {
    n++;
    y--;
  }
  return n;
}

/**
 * A contact's giving, computed from the gifts as they stand (no nightly job): first, last and
 * largest gift, totals by currency, consecutive years. A gift fully refunded no longer counts;
 * soft credits are shown beside and never added into the contact's own totals. The donor level
 * the contact holds now comes with it. One statement reads it all: the totals from the
 * per-year rollup giving_years, the gifts by bounded index walks (see givingFigures).
 */
export async function givingSummary(db: Executor, clock: Clock, actor: Actor, contactId: string) {
  const f = await givingFigures(db, actor.orgId, contactId);
  if (!f) throw notFound('contact');
  const year = yearIn(clock.now(), f.timeZone);
  // giving_years counts every gift received at what is left of it; a gift adjusted to nothing
  // (or below) is taken out again, so only gifts still given count, as in the gifts themselves.
  const given = [...f.years, ...f.undone.map((u) => ({ ...u, total: 0 - u.total, count: -1 }))];
  // Every gift still given is above zero, so a currency or a year holds one if its sum does.
  const totals = totalsOf(given, year).filter((t) => t.lifetime > 0);
  const perYear = new Map<number, number>();
  for (const g of given) perYear.set(g.year, (perYear.get(g.year) ?? 0) + g.total);
  return {
    contactId,
    year,
    giftCount: given.reduce((n, g) => n + g.count, 0),
    firstGift: f.firstGift,
    lastGift: f.lastGift,
    largestGift: f.largestGift,
    totals,
    consecutiveYears: consecutiveYears(
      new Set([...perYear].filter(([, total]) => total > 0).map(([y]) => y)),
      year,
    ),
    softCredits: {
      count: f.soft.reduce((n, s) => n + s.count, 0),
      totals: totalsOf(f.soft, year),
    },
    level: f.level,
  };
}
