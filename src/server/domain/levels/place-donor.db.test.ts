import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { insertLevel, levelOfContact } from '../../db/repositories/levels';
import type { Actor } from '../actor';
import { recordGift } from '../gifts/record-gift';
import { createLevel } from './levels';
import { placeDonor, placeEveryDonor } from './place-donor';

let database: Database;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

/** An organization of its own with a fundraiser, and a way to record a gift as them. */
async function world(timeZone = 'UTC') {
  const org = await buildOrg(database.db, { timeZone });
  const actor: Actor = actorFor(await buildUser(database.db, org, 'manager'));
  const give = (contactId: string, amount: number, receivedOn = '2026-11-30') =>
    database.db.transaction((tx) =>
      recordGift(tx, clock, actor, {
        kind: 'one_time',
        contactId,
        amount,
        currency: 'EUR',
        receivedOn,
      }),
    );
  const level = (slug: string, minAmount: number) =>
    database.db.transaction((tx) =>
      createLevel(tx, clock, actor, {
        name: slug,
        slug,
        minAmount,
        currency: 'EUR',
        window: 'lifetime',
      }),
    );
  const slugOf = async (contactId: string) =>
    (await levelOfContact(database.db, org.id, contactId))?.slug ?? null;
  return { org, actor, give, level, slugOf };
}

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('placeDonor', () => {
  it('places nobody and writes nothing in an organization without levels', async () => {
    const w = await world();
    const d = await buildContact(database.db, w.org);
    await w.give(d.id, 1_000_000);
    const slug = await database.db.transaction((tx) => placeDonor(tx, clock, w.org.id, d.id));
    expect(slug).toBeNull();
    expect(await w.slugOf(d.id)).toBeNull();
  });

  it('sees both of two gifts recorded at once, so the donor who crosses Gold lands in it', async () => {
    const w = await world();
    await w.level('gold', 100_000);
    const d = await buildContact(database.db, w.org);
    // Each gift alone is short of Gold; together they reach it. The second placement waits for
    // the first transaction and then reads both gifts (PostgreSQL; PGlite runs them in turn).
    // (Different years, so that nothing else the two share — a per-year total — orders them.)
    await Promise.all([w.give(d.id, 60_000), w.give(d.id, 40_000, '2025-06-01')]);
    expect(await w.slugOf(d.id)).toBe('gold');
  });
});

describe('windows', () => {
  it("count this year by the organization's calendar", async () => {
    // 31 December 12:00 UTC is already 1 January in Auckland: last year's gift no longer counts.
    const at = fixedClock(new Date('2026-12-31T12:00:00Z'));
    for (const [zone, slug] of [
      ['Pacific/Auckland', null],
      ['Europe/Vilnius', 'annual'],
    ] as const) {
      const w = await world(zone);
      const d = await buildContact(database.db, w.org);
      await w.give(d.id, 10_000, '2026-12-30');
      await database.db.transaction((tx) =>
        createLevel(tx, at, w.actor, {
          name: 'Annual',
          slug: 'annual',
          minAmount: 10_000,
          currency: 'EUR',
          window: 'this_year',
        }),
      );
      expect(await w.slugOf(d.id), zone).toBe(slug);
    }
  });
});

describe('a level created while a gift is recorded', () => {
  it('places the donor whichever commits first', async () => {
    for (let i = 0; i < 3; i++) {
      const w = await world();
      const d = await buildContact(database.db, w.org);
      // Either the gift waits for the level's placement of everyone and then sees the level,
      // or the level's placement waits for the gift and then counts it.
      await Promise.all([w.give(d.id, 100_000), w.level('gold', 100_000)]);
      expect(await w.slugOf(d.id)).toBe('gold');
    }
  });
});

describe('placeEveryDonor', () => {
  it('places every donor, slice by slice, and reports how many moved', async () => {
    const w = await world();
    const donors = [];
    for (let i = 1; i <= 5; i++) {
      const d = await buildContact(database.db, w.org);
      await w.give(d.id, i * 10_000);
      donors.push(d.id);
    }
    await w.level('silver', 30_000); // places three of them already
    const moved = await database.db.transaction(async (tx) => {
      // A level written without placing anyone, as if placements had fallen behind.
      await insertLevel(tx, {
        orgId: w.org.id,
        name: 'Gold',
        slug: 'gold',
        minAmount: 40_000,
        currency: 'EUR',
        window: 'lifetime',
      });
      return placeEveryDonor(tx, clock, w.actor, { chunkSize: 2 });
    });
    expect(moved).toBe(2);
    expect(await Promise.all(donors.map(w.slugOf))).toEqual([null, null, 'silver', 'gold', 'gold']);
    const again = await database.db.transaction((tx) =>
      placeEveryDonor(tx, clock, w.actor, { chunkSize: 2 }),
    );
    expect(again).toBe(0);
  });
});
