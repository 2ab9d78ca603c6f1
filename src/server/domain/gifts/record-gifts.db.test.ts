import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import type { GiftInput } from '../../../shared/schemas/gifts';
import { createPolicyInput } from '../../../shared/schemas/promises';
import { countingStatements, testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { insertFund } from '../../db/repositories/funds';
import { insertAdjustment, lockGift } from '../../db/repositories/gifts';
import { levelOfContact, lockDonorPlacement } from '../../db/repositories/levels';
import type { Actor } from '../actor';
import { createLevel } from '../levels/levels';
import { createPolicy } from '../promises/policies';
import { readTimeline } from '../timeline/timeline';
import { givingSummary } from './giving';
import { recordGift, recordGifts, type Recorded } from './record-gift';

// Batches of gifts (recordGifts): planned in order as if recorded one after the other, and
// locked so that batches and single gifts sharing donors wait for each other, never deadlock.
let database: Database;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

/** An organization of its own with a manager, a fund, donors, and gifts to record as them. */
async function world() {
  const org = await buildOrg(database.db);
  const actor: Actor = actorFor(await buildUser(database.db, org, 'manager'));
  const fund = await insertFund(database.db, { orgId: org.id, name: 'General', restricted: false });
  const gift = (contactId: string, amount = 2500, extra: Partial<GiftInput> = {}) =>
    ({
      actor,
      input: {
        kind: 'one_time',
        contactId,
        amount,
        currency: 'EUR',
        receivedOn: '2026-11-30',
        allocations: [{ fundId: fund.id, amount }],
        ...extra,
      } as GiftInput,
    }) as const;
  const policy = (segment: string, method: 'call' | 'letter') =>
    createPolicy(
      database.db,
      actor,
      createPolicyInput.parse({
        subjectType: 'gift',
        name: `${segment} donors`,
        conditions: { segments: [segment] },
        targets: [{ target: 'thanks', minutes: 24 * 60 }],
        thanks: { method },
      }),
    );
  const level = (slug: string, minAmount: number) =>
    database.db.transaction((tx) =>
      createLevel(tx, clock, actor, {
        name: slug[0]!.toUpperCase() + slug.slice(1),
        slug,
        minAmount,
        currency: 'EUR',
        window: 'lifetime',
      }),
    );
  const donors = (n: number) =>
    Promise.all(Array.from({ length: n }, () => buildContact(database.db, org)));
  return { org, actor, gift, policy, level, donors };
}

const values = (outcomes: Recorded[]) =>
  outcomes.map((o) => {
    if ('error' in o) throw o.error;
    return o.value;
  });

/** Holds a donor's placement lock in a transaction until `release` is called. */
async function holding(orgId: string, contactId: string) {
  let release!: () => void;
  let held!: () => void;
  const locked = new Promise<void>((resolve) => (held = resolve));
  const done = database.db.transaction(async (tx) => {
    await lockDonorPlacement(tx, orgId, contactId);
    held();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await locked;
  return { release: () => (release(), done) };
}

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('recordGifts', () => {
  it('records a batch of any donors in three statements: one lock, one read, one write', async () => {
    const w = await world();
    const [a, b, c] = await w.donors(3);
    const { result, count } = await database.db.transaction((tx) =>
      countingStatements(tx, () =>
        recordGifts(tx, clock, [w.gift(a!.id), w.gift(b!.id), w.gift(a!.id), w.gift(c!.id)]),
      ),
    );
    expect(count).toBe(3);
    expect(values(result).map((g) => g.contact.id)).toEqual([a!.id, b!.id, a!.id, c!.id]);
  });

  it("plans a donor's gifts in order: only the first is a first gift, a recurring one counts for the next", async () => {
    const w = await world();
    await w.policy('first-gift', 'call');
    await w.policy('recurring', 'letter');
    const [donor] = await w.donors(1);
    const gifts = values(
      await recordGifts(database.db, clock, [
        w.gift(donor!.id, 1000, { kind: 'recurring', frequency: 'monthly' }),
        w.gift(donor!.id),
        w.gift(donor!.id),
      ]),
    );
    expect(gifts.map((g) => g.thanksPlan.method)).toEqual(['call', 'letter', 'letter']);
  });

  it('moves a donor who crosses two levels in one batch twice, and places them once, in the higher', async () => {
    const w = await world();
    await w.level('friend', 5000);
    await w.level('patron', 10_000);
    const [donor, other] = await w.donors(2);
    values(
      await recordGifts(database.db, clock, [
        w.gift(donor!.id, 6000),
        w.gift(other!.id, 1000),
        w.gift(donor!.id, 6000),
      ]),
    );
    expect((await levelOfContact(database.db, w.org.id, donor!.id))?.slug).toBe('patron');
    const moves = (await readTimeline(database.db, w.actor, donor!.id, { limit: 50 })).data
      .map((e) => e.summary)
      .filter((s) => s.startsWith('Moved'));
    expect(moves.sort()).toEqual(['Moved to level Friend', 'Moved to level Patron (from Friend)']);
    const summary = await givingSummary(database.db, clock, w.actor, donor!.id);
    expect(summary.totals).toEqual([
      { currency: 'EUR', thisYear: 12_000, lastYear: 0, lifetime: 12_000 },
    ]);
  });

  it('refuses only the gifts with bad input, each with its own error', async () => {
    const w = await world();
    const [a, funder] = await w.donors(2);
    const outcomes = await recordGifts(database.db, clock, [
      w.gift(a!.id),
      w.gift(a!.id, 2500, { softCredits: [{ contactId: a!.id, type: 'spouse' }] }),
      w.gift(funder!.id, 2500, {
        kind: 'grant',
        period: { from: '2026-01-01', to: '2026-12-31' },
        deliverables: [],
      }),
      w.gift(a!.id, 2500, { pledgeId: a!.id }),
      w.gift(a!.id),
    ]);
    const paths = outcomes.map((o) =>
      'error' in o ? (o.error as { details: { path: string }[] }).details[0]!.path : 'ok',
    );
    expect(paths).toEqual(['ok', 'softCredits.0.contactId', 'contactId', 'pledgeId', 'ok']);
  });
});

describe('locks of batches', () => {
  it('lets batches sharing donors in different orders, a single gift and a refund wait for each other without deadlock', async () => {
    const w = await world();
    await w.policy('first-gift', 'call');
    const [a, b, c, d] = await w.donors(4);
    const earlier = await recordGift(database.db, clock, w.actor, w.gift(b!.id, 5000).input);
    // While one donor is held, each batch takes what it can and waits: taken in the order of
    // its gifts, the first batch would wait for `a` (the second's) holding `b`, which the second
    // waits for. In their own transactions, so a deadlock fails them instead of a retry one by
    // one (PostgreSQL; PGlite runs them in turn).
    const held = await holding(w.org.id, c!.id);
    const batches = [
      [b!, c!, a!],
      [a!, b!],
      [d!, c!, b!, a!],
      [c!, d!],
    ].map((donors) =>
      database.db.transaction((tx) =>
        recordGifts(
          tx,
          clock,
          donors.map((x) => w.gift(x.id, 1000)),
        ),
      ),
    );
    const single = recordGift(database.db, clock, w.actor, w.gift(c!.id, 1000).input);
    const refund = database.db.transaction(async (tx) => {
      await lockDonorPlacement(tx, w.org.id, b!.id);
      await insertAdjustment(tx, {
        orgId: w.org.id,
        giftId: earlier.id,
        kind: 'refund',
        delta: -1000,
        occurredOn: '2026-11-30',
        createdAt: clock.now(),
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await held.release();
    const recorded = (await Promise.all(batches)).flatMap(values);
    const [lone] = await Promise.all([single, refund]);
    expect(recorded).toHaveLength(11);
    for (const [x, gifts, total] of [
      [a!, 3, 3000],
      [b!, 4, 7000],
      [c!, 4, 4000],
      [d!, 2, 2000],
    ] as const) {
      const summary = await givingSummary(database.db, clock, w.actor, x.id);
      expect([summary.giftCount, summary.totals[0]!.lifetime]).toEqual([gifts, total]);
    }
    // Each donor's first gift was their first, whichever batch it was in — or the single gift,
    // which may take `c` before any batch does.
    const firsts = [...recorded, lone]
      .filter((g) => g.thanksPlan.method === 'call')
      .map((g) => g.contact.id);
    expect(firsts.sort()).toEqual([a!.id, c!.id, d!.id].sort());
  });

  it('records a payment on a pledge while a correction of the pledge waits for its donor', async () => {
    const w = await world();
    const [donor] = await w.donors(1);
    const pledge = await recordGift(database.db, clock, w.actor, {
      ...w.gift(donor!.id, 9000, { kind: 'pledge' }).input,
    });
    // A correction (as correctGift does it) locks the pledge's row, then the donor's placement;
    // the payment holds the placement and its row names the pledge (a foreign key's lock).
    let correcting!: () => void;
    const started = new Promise<void>((resolve) => (correcting = resolve));
    const correction = database.db.transaction(async (tx) => {
      await lockGift(tx, w.org.id, pledge.id);
      correcting();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await lockDonorPlacement(tx, w.org.id, donor!.id);
    });
    await started;
    const payment = recordGift(
      database.db,
      clock,
      w.actor,
      w.gift(donor!.id, 3000, { pledgeId: pledge.id }).input,
    );
    await expect(Promise.all([correction, payment])).resolves.toHaveLength(2);
  });
});
