import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../tests/support/database';
import { buildContact, buildOrg } from '../../../tests/support/factories';
import { yearIn } from '../../core/business-time';
import { fixedClock } from '../../core/clock';
import { newId } from '../../core/ids';
import { seededRandom, type Random } from '../../core/random';
import { consecutiveYears, givingSummary } from '../domain/gifts/giving';
import { systemActor } from '../domain/actor';
import { queryRows, type Database, type Executor } from './connection';
import { levelOfContactSql } from './repositories/levels';

let database: Database;
afterAll(() => database?.close());
beforeAll(async () => {
  database = await testDatabase();
});

// The reference: the summary as it was computed before it read giving_years — every gift of the
// donor and every soft credit read with its net amount, and the figures summed up in Node.
type Line = { id: string; receivedOn: string; currency: string; net: number };

async function linesOf(db: Executor, orgId: string, contactId: string) {
  const rows = await queryRows<{
    soft: boolean;
    id: string;
    received_on: string;
    currency: string;
    net: string;
  }>(
    db,
    sql`with own as (
          select false as soft, g.id, g.received_on, g.currency, g.amount, null::bigint as credit
            from gifts g
           where g.org_id = ${orgId} and g.contact_id = ${contactId}
             and g.amount is not null and g.kind not in ('pledge', 'bequest_intention')
        ), credited as (
          select true as soft, g.id, g.received_on, g.currency, g.amount, s.amount as credit
            from gift_soft_credits s
            join gifts g on g.org_id = s.org_id and g.id = s.gift_id
           where s.org_id = ${orgId} and s.contact_id = ${contactId}
             and g.amount is not null and g.kind not in ('pledge', 'bequest_intention')
        ), net as (
          select x.*, x.amount + coalesce((select sum(a.delta) from gift_adjustments a
                                            where a.org_id = ${orgId} and a.gift_id = x.id), 0) as net
            from (select * from own union all select * from credited) x
        )
        select soft, id, received_on::text as received_on, currency,
               (case when soft then least(coalesce(credit, net), net) else net end)::text as net
          from net
         order by received_on, id`,
  );
  const line = (r: (typeof rows)[number]): Line => ({
    id: r.id,
    receivedOn: r.received_on,
    currency: r.currency,
    net: Number(r.net),
  });
  return { own: rows.filter((r) => !r.soft).map(line), soft: rows.filter((r) => r.soft).map(line) };
}

function totalsOf(lines: Line[], year: number) {
  const by = new Map<
    string,
    { currency: string; thisYear: number; lastYear: number; lifetime: number }
  >();
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

const brief = (g: Line | undefined) =>
  g ? { id: g.id, amount: g.net, currency: g.currency, receivedOn: g.receivedOn } : null;

async function referenceSummary(db: Executor, now: Date, orgId: string, contactId: string) {
  const [head] = await queryRows<{ time_zone: string; level: unknown }>(
    db,
    sql`select o.time_zone, ${levelOfContactSql(orgId, contactId)} as level
          from organizations o where o.id = ${orgId}`,
  );
  const year = yearIn(now, head!.time_zone);
  const { own, soft } = await linesOf(db, orgId, contactId);
  const gave = own.filter((g) => g.net > 0);
  const last = gave.at(-1);
  const largest = gave
    .filter((g) => g.currency === last?.currency)
    .reduce<Line | undefined>((m, g) => (m && m.net >= g.net ? m : g), undefined);
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
    level: head!.level,
  };
}

// Building a donor's history straight in the tables (hundreds of gifts in a few statements).
type Gift = {
  id: string;
  contactId: string;
  kind: string;
  amount: number | null;
  currency: string;
  on: string;
};

async function insertGifts(orgId: string, gifts: Gift[]) {
  for (let i = 0; i < gifts.length; i += 200) {
    const rows = gifts
      .slice(i, i + 200)
      .map(
        (g) =>
          sql`(${g.id}, ${orgId}, ${g.contactId}, ${g.kind}, ${g.amount}, ${g.currency}, ${g.on}, '{}')`,
      );
    await database.db.execute(
      sql`insert into gifts (id, org_id, contact_id, kind, amount, currency, received_on, details)
          values ${sql.join(rows, sql`, `)}`,
    );
  }
}

async function adjust(orgId: string, giftId: string, kind: string, delta: number) {
  await database.db.execute(
    sql`insert into gift_adjustments (org_id, gift_id, kind, delta, occurred_on)
        values (${orgId}, ${giftId}, ${kind}, ${delta}, '2026-11-01')`,
  );
}

async function softCredit(orgId: string, giftId: string, contactId: string, amount: number | null) {
  await database.db.execute(
    sql`insert into gift_soft_credits (org_id, gift_id, contact_id, type, amount)
        values (${orgId}, ${giftId}, ${contactId}, 'spouse', ${amount})`,
  );
}

const years = [2018, 2019, 2020, 2022, 2023, 2024, 2025, 2026]; // 2021 missing: a gap
const amounts = [500, 1000, 2500, 2500, 5000, 10_000, 25_000];

/** `n` gifts of a donor over several years and currencies, some on the same day, some promises. */
function giftsOf(r: Random, contactId: string, n: number): Gift[] {
  const gifts: Gift[] = [];
  for (let i = 0; i < n; i++) {
    const prev = gifts.at(-1);
    const kind = r.pick([
      'one_time',
      'one_time',
      'recurring',
      'in_kind',
      'grant',
      'pledge',
      'bequest_intention',
    ]);
    gifts.push({
      // Random ids as well as time-ordered ones, so ties of a day are decided by id in any order.
      id: r.chance(0.5) ? newId() : randomUUID(),
      contactId,
      kind,
      amount:
        kind === 'bequest_intention' || (kind === 'in_kind' && r.chance(0.3))
          ? null
          : r.pick(amounts),
      currency: r.pick(['EUR', 'EUR', 'EUR', 'USD', 'GBP']),
      on:
        prev && r.chance(0.15)
          ? prev.on
          : `${r.pick(years)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    });
  }
  return gifts;
}

/**
 * Refunds (partial and full) and corrections (up and down) as Tend makes them: a refund at most
 * what is left, a correction never to zero or below; some gifts adjusted several times.
 */
async function adjustAsTendDoes(r: Random, orgId: string, gifts: Gift[]) {
  for (const g of gifts) {
    if (g.amount === null || g.kind === 'pledge' || !r.chance(0.2)) continue;
    let net = g.amount;
    for (let k = r.int(1, 3); k > 0 && net > 0; k--) {
      const what = r.pick(['full', 'partial', 'up', 'down']);
      const delta =
        what === 'full'
          ? -net
          : what === 'partial' && net > 1
            ? -r.int(1, net - 1)
            : what === 'up'
              ? r.int(1, 30_000)
              : net > 1
                ? -r.int(1, net - 1)
                : 1;
      await adjust(
        orgId,
        g.id,
        what === 'full' || what === 'partial' ? 'refund' : 'correction',
        delta,
      );
      net += delta;
    }
  }
}

const clocks = [
  new Date('2026-11-30T12:00:00Z'),
  new Date('2026-12-31T12:00:00Z'), // already 2027 in Auckland: no gift this year yet
  new Date('2028-03-01T00:00:00Z'), // two years on: the run of years is broken
];

describe('the giving summary', () => {
  it('equals the summary computed from every gift, for donors with hundreds of gifts, refunds, corrections and soft credits', async () => {
    const org = await buildOrg(database.db, { timeZone: 'Pacific/Auckland' });
    const [donor, spouse, other, refundedOnly, nobody] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => buildContact(database.db, org)),
    );
    const r = seededRandom(2026);
    const own = giftsOf(r, donor!.id, 450);
    const theirs = giftsOf(r, spouse!.id, 120);
    const others = giftsOf(r, other!.id, 40);
    const one = (contactId: string, amount: number, currency: string, on: string): Gift => ({
      id: randomUUID(),
      contactId,
      kind: 'one_time',
      amount,
      currency,
      on,
    });
    // The latest gift and the earliest are given back in full: last and first are the ones
    // beside them, each one of two on its day (the id decides).
    const latest = one(donor!.id, 900_000, 'GBP', '2026-12-30');
    const lastPair = [
      one(donor!.id, 4000, 'EUR', '2026-12-29'),
      one(donor!.id, 10, 'EUR', '2026-12-29'),
    ];
    const earliest = one(donor!.id, 700, 'USD', '2017-01-01');
    const firstPair = [
      one(donor!.id, 300, 'USD', '2017-06-01'),
      one(donor!.id, 400, 'EUR', '2017-06-01'),
    ];
    // The largest EUR amount was mostly refunded; a small EUR gift corrected up is as large as
    // the largest left, on the same day (the id decides).
    const bigRefunded = one(donor!.id, 500_000, 'EUR', '2020-02-02');
    const correctedUp = one(donor!.id, 100, 'EUR', '2019-03-03');
    const asLarge = one(donor!.id, 600_100, 'EUR', '2019-03-03');
    const onlyGift = one(refundedOnly!.id, 3000, 'USD', '2025-05-05');
    const special = [
      latest,
      ...lastPair,
      earliest,
      ...firstPair,
      bigRefunded,
      correctedUp,
      asLarge,
    ];
    await insertGifts(org.id, [...own, ...theirs, ...others, ...special, onlyGift]);
    await adjustAsTendDoes(r, org.id, [...own, ...theirs, ...others]);
    await adjust(org.id, latest.id, 'refund', -900_000);
    await adjust(org.id, earliest.id, 'refund', -200);
    await adjust(org.id, earliest.id, 'refund', -500);
    await adjust(org.id, bigRefunded.id, 'refund', -499_000);
    await adjust(org.id, correctedUp.id, 'correction', 600_000);
    await adjust(org.id, onlyGift.id, 'refund', -3000);
    // Soft credits both ways: on gifts refunded or corrected, above what is left, without amount.
    const received = (g: Gift) =>
      g.amount !== null && !['pledge', 'bequest_intention'].includes(g.kind);
    for (const g of theirs.filter(() => r.chance(0.4)))
      await softCredit(
        org.id,
        g.id,
        donor!.id,
        r.chance(0.5) ? null : r.pick([100, 3000, 999_999]),
      );
    for (const g of own.filter(received).filter(() => r.chance(0.2)))
      await softCredit(org.id, g.id, spouse!.id, r.chance(0.5) ? null : r.int(1, 20_000));
    await softCredit(org.id, latest.id, spouse!.id, null); // refunded in full: GBP totals of zero
    await softCredit(org.id, bigRefunded.id, spouse!.id, 600_000); // at most the 1 000 left
    await softCredit(org.id, others[0]!.id, donor!.id, 100);
    await softCredit(org.id, others[0]!.id, donor!.id, 200); // two credits on one gift

    for (const now of clocks) {
      const clock = fixedClock(now);
      for (const contact of [donor!, spouse!, other!, refundedOnly!, nobody!]) {
        const expected = await referenceSummary(database.db, now, org.id, contact.id);
        expect(await givingSummary(database.db, clock, systemActor(org.id), contact.id)).toEqual(
          expected,
        );
      }
    }
    // The history is as rich as it is meant to be.
    const mine = await referenceSummary(database.db, clocks[0]!, org.id, donor!.id);
    expect(mine.totals.map((t) => t.currency)).toEqual(['EUR', 'GBP', 'USD']);
    expect(mine.giftCount).toBeGreaterThan(200);
    const ids = (gifts: Gift[]) => gifts.map((g) => g.id).sort();
    expect(mine.lastGift?.id).toBe(ids(lastPair)[1]);
    expect(mine.firstGift?.id).toBe(ids(firstPair)[0]);
    expect(mine.largestGift).toMatchObject({
      id: ids([correctedUp, asLarge])[0],
      amount: 600_100,
      currency: 'EUR',
    });
    expect(mine.softCredits.count).toBeGreaterThan(10);
    const spouses = await referenceSummary(database.db, clocks[0]!, org.id, spouse!.id);
    expect(spouses.softCredits.totals.map((t) => t.currency)).toContain('GBP');
    expect(await referenceSummary(database.db, clocks[0]!, org.id, refundedOnly!.id)).toMatchObject(
      {
        giftCount: 0,
        totals: [],
        lastGift: null,
      },
    );
  });

  it('equals the summary from every gift even where adjustments broke the rules (a gift below zero)', async () => {
    const org = await buildOrg(database.db);
    const [donor, holder] = await Promise.all([1, 2].map(() => buildContact(database.db, org)));
    const r = seededRandom(7);
    const gifts = giftsOf(r, donor!.id, 120);
    await insertGifts(org.id, gifts);
    for (const g of gifts.filter((x) => x.amount !== null && r.chance(0.3))) {
      await adjust(org.id, g.id, 'refund', -r.int(1, 2 * g.amount!)); // may take it below zero
      if (r.chance(0.3)) await softCredit(org.id, g.id, holder!.id, r.chance(0.5) ? null : 500);
    }
    for (const now of clocks) {
      for (const contact of [donor!, holder!]) {
        const expected = await referenceSummary(database.db, now, org.id, contact.id);
        expect(
          await givingSummary(database.db, fixedClock(now), systemActor(org.id), contact.id),
        ).toEqual(expected);
      }
    }
  });

  it('follows a gift moved to another contact with its adjustments (their donor is kept by triggers)', async () => {
    const org = await buildOrg(database.db);
    const [from, to] = await Promise.all([1, 2].map(() => buildContact(database.db, org)));
    const r = seededRandom(11);
    const gifts = giftsOf(r, from!.id, 40).filter((g) => g.amount !== null);
    await insertGifts(org.id, gifts);
    const moved = gifts.slice(0, 6);
    for (const g of gifts.slice(0, 12)) await adjust(org.id, g.id, 'refund', -r.int(1, g.amount!));
    const donors = await queryRows<{ gift_id: string; contact_id: string }>(
      database.db,
      sql`select gift_id, contact_id from gift_adjustments where org_id = ${org.id}`,
    );
    expect(donors).toHaveLength(12);
    expect(donors.every((d) => d.contact_id === from!.id)).toBe(true);
    await database.db.execute(
      sql`update gifts set contact_id = ${to!.id}
           where org_id = ${org.id} and id in (${sql.join(
             moved.map((g) => sql`${g.id}`),
             sql`, `,
           )})`,
    );
    const after = await queryRows<{ gift_id: string; contact_id: string }>(
      database.db,
      sql`select gift_id, contact_id from gift_adjustments where org_id = ${org.id}`,
    );
    for (const a of after)
      expect(a.contact_id).toBe(moved.some((g) => g.id === a.gift_id) ? to!.id : from!.id);
    for (const now of clocks)
      for (const contact of [from!, to!])
        expect(
          await givingSummary(database.db, fixedClock(now), systemActor(org.id), contact.id),
        ).toEqual(await referenceSummary(database.db, now, org.id, contact.id));
  });

  it('is not found for a deleted contact or one of another organization', async () => {
    const org = await buildOrg(database.db);
    const other = await buildOrg(database.db);
    const [donor, gone] = await Promise.all([1, 2].map(() => buildContact(database.db, org)));
    await insertGifts(org.id, giftsOf(seededRandom(3), donor!.id, 5));
    await database.db.execute(sql`update contacts set deleted_at = now() where id = ${gone!.id}`);
    const clock = fixedClock(clocks[0]!);
    await expect(
      givingSummary(database.db, clock, systemActor(other.id), donor!.id),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      givingSummary(database.db, clock, systemActor(org.id), gone!.id),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
