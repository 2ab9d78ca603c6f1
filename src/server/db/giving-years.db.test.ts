import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../tests/support/database';
import { buildContact, buildOrg } from '../../../tests/support/factories';
import { newId } from '../../core/ids';
import { seededRandom } from '../../core/random';
import { queryRows, type Database } from './connection';
import { lapsedDonorRows } from './repositories/giving-years';

let database: Database;
afterAll(() => database?.close());
beforeAll(async () => {
  database = await testDatabase();
});

type Rollup = { contact_id: string; year: number; currency: string; total: string; gifts: number };

/** The rollup as the triggers keep it, and as it is computed from the gifts from scratch. */
async function rollupAndTruth(orgId: string) {
  const kept = await queryRows<Rollup>(
    database.db,
    sql`select contact_id, year, currency, total::text as total, gifts from giving_years
         where org_id = ${orgId} and (total <> 0 or gifts <> 0)
         order by contact_id, year, currency`,
  );
  const truth = await queryRows<Rollup>(
    database.db,
    sql`select g.contact_id, extract(year from g.received_on)::int as year, g.currency,
               sum(g.amount + coalesce((select sum(delta) from gift_adjustments a
                                         where a.org_id = g.org_id and a.gift_id = g.id), 0))::text as total,
               count(*)::int as gifts
          from gifts g
         where g.org_id = ${orgId} and g.amount is not null
           and g.kind not in ('pledge', 'bequest_intention')
         group by 1, 2, 3 order by 1, 2, 3`,
  );
  return { kept, truth };
}

describe('giving per donor and year', () => {
  it('stays equal to the gifts net of their adjustments through gifts, refunds, corrections and promises', async () => {
    const org = await buildOrg(database.db);
    const donors = await Promise.all([1, 2, 3, 4].map(() => buildContact(database.db, org)));
    const r = seededRandom(11);
    const gifts: string[] = [];
    for (let i = 0; i < 120; i++) {
      const id = newId();
      const kind = r.pick(['one_time', 'one_time', 'recurring', 'pledge', 'bequest_intention']);
      const amount = r.int(1, 50_000);
      await database.db.execute(
        sql`insert into gifts (id, org_id, contact_id, kind, amount, currency, received_on, details)
            values (${id}, ${org.id}, ${r.pick(donors).id}, ${kind}, ${amount},
                    ${r.pick(['EUR', 'EUR', 'USD'])}, ${`${r.int(2022, 2026)}-0${r.int(1, 9)}-1${r.int(0, 9)}`}, '{}')`,
      );
      gifts.push(id);
      if (r.chance(0.3)) {
        const target = r.pick(gifts);
        await database.db.execute(
          sql`insert into gift_adjustments (org_id, gift_id, kind, delta, occurred_on)
              values (${org.id}, ${target}, ${r.pick(['refund', 'correction'])},
                      ${r.chance(0.5) ? -r.int(1, 500) : r.int(1, 500)}, '2026-11-01')`,
        );
      }
    }
    // A gift moved to another donor and year (gifts are not edited by Tend, but a repair might).
    await database.db.execute(
      sql`update gifts set contact_id = ${donors[0]!.id}, received_on = '2021-05-05'
           where id = ${gifts.find((_, i) => i % 7 === 3)!}`,
    );
    const { kept, truth } = await rollupAndTruth(org.id);
    expect(truth.length).toBeGreaterThan(10);
    expect(kept).toEqual(truth);
  });

  it('counts the gifts of one statement together: the same donor twice, promises left out', async () => {
    const org = await buildOrg(database.db);
    const donors = await Promise.all([1, 2, 3].map(() => buildContact(database.db, org)));
    const r = seededRandom(23);
    for (let statement = 0; statement < 6; statement++) {
      const rows = Array.from({ length: r.int(2, 12) }, () => ({
        id: newId(),
        org_id: org.id,
        contact_id: r.pick(donors).id,
        kind: r.pick(['one_time', 'one_time', 'recurring', 'pledge', 'bequest_intention']),
        amount: r.int(1, 9_000),
        currency: r.pick(['EUR', 'USD']),
        received_on: `${r.int(2025, 2026)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        details: {},
      }));
      // Every round repeats one gift's donor, year and currency in the same statement.
      rows.push({ ...rows[0]!, id: newId(), amount: 5, received_on: rows[0]!.received_on });
      await database.db.execute(
        sql`insert into gifts (id, org_id, contact_id, kind, amount, currency, received_on, details)
            select id, org_id, contact_id, kind, amount, currency, received_on, details
              from jsonb_populate_recordset(null::gifts, ${JSON.stringify(rows)}::jsonb)`,
      );
    }
    const { kept, truth } = await rollupAndTruth(org.id);
    expect(truth.length).toBeGreaterThan(4);
    expect(kept).toEqual(truth);
    const [last] = await queryRows<{ ok: boolean }>(
      database.db,
      sql`select bool_and(y.last_received_on = (select max(g.received_on) from gifts g
                 where g.org_id = y.org_id and g.contact_id = y.contact_id and g.currency = y.currency
                   and extract(year from g.received_on) = y.year
                   and g.kind not in ('pledge', 'bequest_intention'))) as ok
            from giving_years y where y.org_id = ${org.id}`,
    );
    expect(last!.ok).toBe(true);
  });

  it('lists LYBUNT and SYBUNT donors as the gifts say, most recent first', async () => {
    const org = await buildOrg(database.db);
    const [lastYear, someYear, both, thisYear, refunded] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => buildContact(database.db, org)),
    );
    const give = async (contactId: string, on: string, amount = 1000) => {
      const id = newId();
      await database.db.execute(
        sql`insert into gifts (id, org_id, contact_id, kind, amount, currency, received_on, details)
            values (${id}, ${org.id}, ${contactId}, 'one_time', ${amount}, 'EUR', ${on}, '{}')`,
      );
      return id;
    };
    await give(lastYear!.id, '2025-03-01');
    await give(someYear!.id, '2023-12-31');
    await give(both!.id, '2024-06-01');
    await give(both!.id, '2025-11-30');
    await give(thisYear!.id, '2025-01-10');
    await give(thisYear!.id, '2026-02-01');
    const gone = await give(refunded!.id, '2025-08-08');
    await database.db.execute(
      sql`insert into gift_adjustments (org_id, gift_id, kind, delta, occurred_on)
          values (${org.id}, ${gone}, 'refund', -1000, '2025-09-01')`,
    );
    const list = async (lastYearOnly: boolean) =>
      (await lapsedDonorRows(database.db, org.id, { thisYear: 2026, lastYearOnly, limit: 10 })).map(
        (row) => [row.contact_id, row.last_gift_on],
      );
    expect(await list(true)).toEqual([
      [both!.id, '2025-11-30'],
      [lastYear!.id, '2025-03-01'],
    ]);
    expect(await list(false)).toEqual([
      [both!.id, '2025-11-30'],
      [lastYear!.id, '2025-03-01'],
      [someYear!.id, '2023-12-31'],
    ]);
  });
});
