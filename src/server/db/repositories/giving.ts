import { sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import { contacts, giftAdjustments, gifts, giftSoftCredits } from '../schema';
import { levelOfContactSql } from './levels';

/** One gift's money in a giving summary: net of its adjustments, in its currency. */
export type GivingLine = { id: string; receivedOn: string; currency: string; net: number };

/**
 * The money a contact gave themselves (kinds that are money or goods received, net of refunds
 * and corrections), and apart from it the soft credits they hold on others' gifts (at most what
 * is left of each gift). Pledges and bequest intentions are promises, not gifts received.
 */
export async function givingLines(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<{ own: GivingLine[]; soft: GivingLine[] }> {
  const rows = await queryRows<{
    soft: boolean;
    id: string;
    received_on: string;
    currency: string;
    net: string;
  }>(
    db,
    // Two index lookups (the donor's gifts; the contact's soft credits) rather than one OR, so
    // neither becomes a scan of the organization's gifts.
    sql`with own as (
          select false as soft, g.id, g.received_on, g.currency, g.amount, null::bigint as credit
            from ${gifts} g
           where g.org_id = ${orgId} and g.contact_id = ${contactId}
             and g.amount is not null and g.kind not in ('pledge', 'bequest_intention')
        ), credited as (
          select true as soft, g.id, g.received_on, g.currency, g.amount, s.amount as credit
            from ${giftSoftCredits} s
            join ${gifts} g on g.org_id = s.org_id and g.id = s.gift_id
           where s.org_id = ${orgId} and s.contact_id = ${contactId}
             and g.amount is not null and g.kind not in ('pledge', 'bequest_intention')
        ), net as (
          select x.*, x.amount + coalesce((select sum(a.delta) from ${giftAdjustments} a
                                            where a.org_id = ${orgId} and a.gift_id = x.id), 0) as net
            from (select * from own union all select * from credited) x
        )
        select soft, id, received_on::text as received_on, currency,
               (case when soft then least(coalesce(credit, net), net) else net end)::text as net
          from net
         order by received_on, id`,
  );
  const line = (r: (typeof rows)[number]): GivingLine => ({
    id: r.id,
    receivedOn: r.received_on,
    currency: r.currency,
    net: Number(r.net),
  });
  return { own: rows.filter((r) => !r.soft).map(line), soft: rows.filter((r) => r.soft).map(line) };
}

/** What a giving summary needs besides the gifts: the organization's time zone, the level. */
export type GivingHead = {
  timeZone: string;
  level: { id: string; name: string; slug: string } | null;
};

/**
 * The head of a contact's giving summary in one statement: the organization's time zone and the
 * contact's donor level; undefined when the contact is not the organization's (or deleted).
 */
export async function givingHead(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<GivingHead | undefined> {
  const [row] = await queryRows<{ time_zone: string; level: GivingHead['level'] }>(
    db,
    sql`select o.time_zone, ${levelOfContactSql(orgId, contactId)} as level
          from ${contacts} c join organizations o on o.id = c.org_id
         where c.org_id = ${orgId} and c.id = ${contactId} and c.deleted_at is null`,
  );
  return row && { timeZone: row.time_zone, level: row.level };
}
