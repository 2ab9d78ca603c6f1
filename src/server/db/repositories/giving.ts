import { sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryPrepared } from '../connection';
import { contacts, giftAdjustments, gifts, giftSoftCredits, givingYears } from '../schema';
import { levelOfContactSql } from './levels';

/** One gift in a giving summary: its net amount (after refunds and corrections), in its currency. */
export type GivingGift = { id: string; amount: number; currency: string; receivedOn: string };

/** Money of one calendar year in one currency, and how many gifts (or soft credits) made it. */
export type GivingYear = { year: number; currency: string; total: number; count: number };

/** Everything a contact's giving summary is made of, read in one statement. */
export type GivingFigures = {
  timeZone: string;
  level: { id: string; name: string; slug: string } | null;
  /** The donor's rows of giving_years: every gift received, net, whatever is left of it. */
  years: GivingYear[];
  /** The donor's gifts adjusted to nothing (or below): counted in `years`, but not given. */
  undone: GivingYear[];
  firstGift: GivingGift | null;
  lastGift: GivingGift | null;
  /** The largest in the currency of the last gift (the earliest of equals). */
  largestGift: GivingGift | null;
  /** Soft credits the contact holds on gifts received, each at most what is left of its gift. */
  soft: GivingYear[];
};

type Row = {
  time_zone: string;
  level: GivingFigures['level'];
  years: [number, string, number, number][];
  undone: [number, string, number][];
  first_gift: GivingGift | null;
  last_gift: GivingGift | null;
  largest_gift: GivingGift | null;
  soft: [number, string, number, number][];
};

// Money received, not promised. Written out rather than as parameters so that a generic plan
// still sees that it implies the predicate of the partial index gifts_giving_idx.
const received = (g: string) =>
  sql.raw(`${g}.amount is not null and ${g}.kind not in ('pledge', 'bequest_intention')`);
const netOf = (g: string) =>
  sql`${sql.raw(g)}.amount + coalesce((select sum(a.delta) from ${giftAdjustments} a
                                        where a.org_id = ${sql.raw(g)}.org_id
                                          and a.gift_id = ${sql.raw(g)}.id), 0)`;
const brief = (g: string, net: string) =>
  sql.raw(`json_build_object('id', ${g}.id, 'amount', ${net}, 'currency', ${g}.currency,
                             'receivedOn', ${g}.received_on)`);

/**
 * A contact's giving in one statement (one round trip, prepared once): the organization's time
 * zone, the contact's donor level, the donor's giving per year from giving_years (a handful of
 * rows), and gifts found by bounded index walks instead of reading every gift of the donor:
 * first and last (walking gifts_contact_idx from either end past gifts refunded in full),
 * largest (gifts_giving_idx, largest first, past gifts an adjustment changed — those few are
 * weighed at their net), and the gifts adjusted to nothing, which giving_years still counts.
 * The soft credits are per credit the contact holds (a few), as before. Undefined when the
 * contact is not the organization's (or deleted).
 */
export async function givingFigures(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<GivingFigures | undefined> {
  const own = sql`g.org_id = ${orgId} and g.contact_id = ${contactId} and ${received('g')}`;
  const [row] = await queryPrepared<Row>(
    db,
    // Adjusted gifts are found from the donor's adjustments (few, by their contact_id), each gift
    // then by its key — not by probing the adjustments of each of the donor's gifts (hundreds of
    // heap fetches and probes for a monthly donor; naming the donor on the gifts' side too lets
    // the planner walk all their gifts again). The soft credits' lateral sums stay a probe per
    // soft credit: a join would let a generic plan hash all the organization's adjustments.
    sql`with adjusted as (
          select g.id, g.received_on, g.currency, g.amount + d.delta as net
            from (select a.gift_id, sum(a.delta) as delta from ${giftAdjustments} a
                   where a.org_id = ${orgId} and a.contact_id = ${contactId}
                   group by a.gift_id) d
            join ${gifts} g on g.org_id = ${orgId} and g.id = d.gift_id
           where ${received('g')}
        ), last as (
          select g.id, g.received_on, g.currency, ${netOf('g')} as net
            from ${gifts} g
           where ${own} and ${netOf('g')} > 0
           order by g.received_on desc, g.id desc
           limit 1
        ), largest as (
          select * from (
            (select g.id, g.received_on, g.currency, g.amount as net
               from ${gifts} g
              where ${own} and g.currency = (select currency from last)
                and not exists (select from ${giftAdjustments} a
                                 where a.org_id = g.org_id and a.gift_id = g.id)
              order by g.amount desc nulls last, g.received_on, g.id
              limit 1)
            union all
            select x.id, x.received_on, x.currency, x.net
              from adjusted x
             where x.currency = (select currency from last) and x.net > 0
          ) c
           order by c.net desc, c.received_on, c.id
           limit 1
        ), soft as (
          select g.received_on, g.currency, least(coalesce(s.amount, n.net), n.net) as credit
            from ${giftSoftCredits} s
            join ${gifts} g on g.org_id = s.org_id and g.id = s.gift_id
            cross join lateral (select g.amount + coalesce(sum(a.delta), 0) as net
                                  from ${giftAdjustments} a
                                 where a.org_id = g.org_id and a.gift_id = g.id) n
           where s.org_id = ${orgId} and s.contact_id = ${contactId} and ${received('g')}
        )
        select o.time_zone, ${levelOfContactSql(orgId, contactId)} as level,
               (select coalesce(json_agg(json_build_array(y.year, y.currency, y.total, y.gifts)), '[]')
                  from ${givingYears} y
                 where y.org_id = ${orgId} and y.contact_id = ${contactId}) as years,
               (select coalesce(json_agg(json_build_array(
                         extract(year from x.received_on)::int, x.currency, x.net)), '[]')
                  from adjusted x where x.net <= 0) as undone,
               (select ${brief('g', 'g.net')}
                  from (select g.id, g.received_on, g.currency, ${netOf('g')} as net
                          from ${gifts} g
                         where ${own} and ${netOf('g')} > 0
                         order by g.received_on, g.id
                         limit 1) g) as first_gift,
               (select ${brief('l', 'l.net')} from last l) as last_gift,
               (select ${brief('m', 'm.net')} from largest m) as largest_gift,
               (select coalesce(json_agg(json_build_array(t.year, t.currency, t.total, t.count)), '[]')
                  from (select extract(year from s.received_on)::int as year, s.currency,
                               sum(s.credit) as total, count(*) filter (where s.credit > 0) as count
                          from soft s group by 1, 2) t) as soft
          from ${contacts} c join organizations o on o.id = c.org_id
         where c.org_id = ${orgId} and c.id = ${contactId} and c.deleted_at is null`,
  );
  if (!row) return undefined;
  const year = ([y, currency, total, count]: [number, string, number, number]): GivingYear => ({
    year: y,
    currency,
    total: Number(total),
    count: Number(count),
  });
  const gift = (g: GivingGift | null): GivingGift | null =>
    g && { id: g.id, amount: Number(g.amount), currency: g.currency, receivedOn: g.receivedOn };
  return {
    timeZone: row.time_zone,
    level: row.level,
    years: row.years.map(year),
    undone: row.undone.map(([y, currency, net]) => year([y, currency, net, 1])),
    firstGift: gift(row.first_gift),
    lastGift: gift(row.last_gift),
    largestGift: gift(row.largest_gift),
    soft: row.soft.map(year),
  };
}
