import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import type { GiftInput } from '../../../shared/schemas/gifts';
import { createPolicyInput } from '../../../shared/schemas/promises';
import { countingStatements, testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { insertFund } from '../../db/repositories/funds';
import { insertAdjustment } from '../../db/repositories/gifts';
import { levelOfContact, lockDonorPlacement } from '../../db/repositories/levels';
import type { Actor } from '../actor';
import { createLevel } from '../levels/levels';
import { placeDonor } from '../levels/place-donor';
import { createPolicy } from '../promises/policies';
import { readGift } from './read-gifts';
import { recordGift } from './record-gift';

let database: Database;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

/** An organization of its own with a manager, a fund, and a one-time gift to record as them. */
async function world() {
  const org = await buildOrg(database.db);
  const actor: Actor = actorFor(await buildUser(database.db, org, 'manager'));
  const fund = await insertFund(database.db, { orgId: org.id, name: 'General', restricted: false });
  const oneTime = (
    contactId: string,
    amount = 2500,
    extra: Pick<GiftInput, 'softCredits'> = {},
  ): GiftInput => ({
    kind: 'one_time' as const,
    contactId,
    amount,
    currency: 'EUR',
    receivedOn: '2026-11-30',
    allocations: [{ fundId: fund.id, amount }],
    ...extra,
  });
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
  return { org, actor, fund, oneTime, policy };
}

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('recordGift', () => {
  it('records a one-time gift to a fund with a tribute in three statements: the lock, one read, one write', async () => {
    const w = await world();
    const donor = await buildContact(database.db, w.org);
    const honoured = await buildContact(database.db, w.org);
    const family = await buildContact(database.db, w.org, {
      emails: [{ address: 'family@example.org' }],
    });
    const tribute = {
      softCredits: [
        { contactId: honoured.id, type: 'in_memory' as const, notifyContactId: family.id },
      ],
    };
    const { result, count } = await database.db.transaction((tx) =>
      countingStatements(tx, () =>
        recordGift(tx, clock, w.actor, w.oneTime(donor.id, 2500, tribute)),
      ),
    );
    expect(count).toBe(3);
    expect(result.allocations).toEqual([{ fundId: w.fund.id, fundName: 'General', amount: 2500 }]);
    expect(result.softCredits.map((s) => s.contactId)).toEqual([honoured.id]);
    expect(await readGift(database.db, w.actor, result.id)).toEqual(result);
  });

  it('makes only the first of two gifts recorded at once its donor\'s "first-gift"', async () => {
    const w = await world();
    await w.policy('first-gift', 'call');
    const donor = await buildContact(database.db, w.org);
    // On PostgreSQL the second waits for the first's lock, then reads its gift (PGlite: in turn).
    const gifts = await Promise.all(
      [2500, 3000].map((amount) =>
        database.db.transaction((tx) =>
          recordGift(tx, clock, w.actor, w.oneTime(donor.id, amount)),
        ),
      ),
    );
    expect(gifts.map((g) => g.thanksPlan.method).sort()).toEqual(['call', 'email']);
  });

  it('matches policies on the level the gift itself lifts its donor to', async () => {
    const w = await world();
    await database.db.transaction((tx) =>
      createLevel(tx, clock, w.actor, {
        name: 'Gold',
        slug: 'gold',
        minAmount: 100_000,
        currency: 'EUR',
        window: 'lifetime',
      }),
    );
    await w.policy('gold', 'letter');
    const donor = await buildContact(database.db, w.org);
    const give = (amount: number) =>
      database.db.transaction((tx) => recordGift(tx, clock, w.actor, w.oneTime(donor.id, amount)));
    expect((await give(60_000)).thanksPlan.method).toBe('email');
    expect((await give(40_000)).thanksPlan.method).toBe('letter');
    expect((await levelOfContact(database.db, w.org.id, donor.id))?.slug).toBe('gold');
  });

  it('waits for a refund of its donor in progress instead of deadlocking with it', async () => {
    const w = await world();
    const donor = await buildContact(database.db, w.org);
    const earlier = await recordGift(database.db, clock, w.actor, w.oneTime(donor.id, 5000));
    // A refund (as refundGift does it) takes the donor's placement lock, then its gift's
    // giving_years row (its adjustment's trigger), then places the donor; the gift recorded
    // meanwhile takes them in the same order, so it waits instead of deadlocking (PostgreSQL;
    // PGlite runs them in turn).
    let refunding!: () => void;
    const started = new Promise<void>((resolve) => (refunding = resolve));
    const refund = database.db.transaction(async (tx) => {
      await lockDonorPlacement(tx, w.org.id, donor.id);
      await insertAdjustment(tx, {
        orgId: w.org.id,
        giftId: earlier.id,
        kind: 'refund',
        delta: -1000,
        occurredOn: '2026-11-30',
        createdAt: clock.now(),
      });
      refunding();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return placeDonor(tx, clock, w.org.id, donor.id, w.actor);
    });
    await started;
    const gift = database.db.transaction((tx) =>
      recordGift(tx, clock, w.actor, w.oneTime(donor.id, 2500)),
    );
    await expect(Promise.all([refund, gift])).resolves.toHaveLength(2);
  });

  it('records in a transaction of its own when given none', async () => {
    const w = await world();
    const donor = await buildContact(database.db, w.org);
    const view = await recordGift(database.db, clock, w.actor, w.oneTime(donor.id));
    expect(view.thanksPromise?.state).toBe('running');
    expect(await readGift(database.db, w.actor, view.id)).toEqual(view);
  });
});
