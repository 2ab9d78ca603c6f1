import { yearIn } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { givingHead, givingLines, type GivingLine } from '../../db/repositories/giving';
import { notFound } from '../../errors';
import type { Actor } from '../actor';

/** Totals of one currency: this calendar year, last year, and all time. */
type Totals = { currency: string; thisYear: number; lastYear: number; lifetime: number };

const brief = (g: GivingLine | undefined) =>
  g ? { id: g.id, amount: g.net, currency: g.currency, receivedOn: g.receivedOn } : null;

function totalsOf(lines: GivingLine[], year: number): Totals[] {
  const by = new Map<string, Totals>();
  for (const l of lines) {
    const t = by.get(l.currency) ?? { currency: l.currency, thisYear: 0, lastYear: 0, lifetime: 0 };
    const y = Number(l.receivedOn.slice(0, 4));
    t.lifetime += l.net;
    if (y === year) t.thisYear += l.net;
    if (y === year - 1) t.lastYear += l.net;
    by.set(l.currency, t);
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
 * the contact holds now comes with it (read in the same statement as the time zone).
 */
export async function givingSummary(db: Executor, clock: Clock, actor: Actor, contactId: string) {
  const head = await givingHead(db, actor.orgId, contactId);
  if (!head) throw notFound('contact');
  const year = yearIn(clock.now(), head.timeZone);
  const { own, soft } = await givingLines(db, actor.orgId, contactId);
  const gave = own.filter((g) => g.net > 0);
  const last = gave.at(-1);
  const largest = gave
    .filter((g) => g.currency === last?.currency)
    .reduce<GivingLine | undefined>((m, g) => (m && m.net >= g.net ? m : g), undefined);
  return {
    contactId,
    year,
    giftCount: gave.length,
    firstGift: brief(gave[0]),
    lastGift: brief(last),
    largestGift: brief(largest),
    totals: totalsOf(gave, year),
    consecutiveYears: consecutiveYears(
      new Set(gave.map((g) => Number(g.receivedOn.slice(0, 4)))),
      year,
    ),
    softCredits: { count: soft.filter((s) => s.net > 0).length, totals: totalsOf(soft, year) },
    level: head.level,
  };
}
