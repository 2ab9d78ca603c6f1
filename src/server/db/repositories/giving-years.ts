import { sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../connection';
import { contacts, givingYears } from '../schema';

/** A donor who gave before this year but not yet this year, with the date of their last gift. */
export type LapsedRow = { contact_id: string; name: string; last_gift_on: string };

/**
 * Donors whose giving (net of refunds) in some year before `thisYear` is above zero and in
 * `thisYear` (or later) is not: those who gave in the year before (LYBUNT), or in any earlier
 * year (SYBUNT, which includes LYBUNT). Most recent givers first, after a position. Reads the
 * per-year rollup (a few rows per donor), not the gifts.
 */
export function lapsedDonorRows(
  db: Executor,
  orgId: string,
  opts: {
    thisYear: number;
    lastYearOnly: boolean;
    after?: { d: string; i: string };
    limit: number;
  },
) {
  return queryRows<LapsedRow>(
    db,
    sql`with per as (
          select y.contact_id, max(y.last_received_on) as last_gift_on
            from ${givingYears} y
           where y.org_id = ${orgId} and y.total > 0
             and ${opts.lastYearOnly ? sql`y.year = ${opts.thisYear - 1}` : sql`y.year < ${opts.thisYear}`}
           group by y.contact_id
        )
        select p.contact_id, c.name, p.last_gift_on::text as last_gift_on
          from per p
          join ${contacts} c on c.org_id = ${orgId} and c.id = p.contact_id and c.deleted_at is null
         where not exists (select 1 from ${givingYears} t
                            where t.org_id = ${orgId} and t.contact_id = p.contact_id
                              and t.year >= ${opts.thisYear} and t.total > 0)
           ${opts.after ? sql`and (p.last_gift_on, p.contact_id) < (${opts.after.d}::date, ${opts.after.i}::uuid)` : sql``}
         order by p.last_gift_on desc, p.contact_id desc
         limit ${opts.limit}`,
  );
}
