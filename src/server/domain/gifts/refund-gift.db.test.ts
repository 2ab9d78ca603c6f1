import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import { readGift } from './read-gifts';
import { recordGift } from './record-gift';
import { refundGift } from './refund-gift';

let database: Database;
let actor: Actor;
let donorId: string;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

beforeAll(async () => {
  database = await testDatabase();
  const org = await buildOrg(database.db);
  actor = actorFor(await buildUser(database.db, org, 'fundraiser'));
  donorId = (await buildContact(database.db, org)).id;
});
afterAll(() => database.close());

describe('refunds', () => {
  it('lets only one of two refunds racing for the rest of a gift through', async () => {
    const gift = await database.db.transaction((tx) =>
      recordGift(tx, clock, actor, {
        kind: 'one_time',
        contactId: donorId,
        amount: 5000,
        currency: 'EUR',
        receivedOn: '2026-11-30',
      }),
    );
    const race = await Promise.allSettled(
      [3000, 3000].map((amount) =>
        database.db.transaction((tx) => refundGift(tx, clock, actor, gift.id, { amount })),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = race.find((r) => r.status === 'rejected')!.reason as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('rule_violated');
    expect(refused.details).toEqual([{ path: 'amount', message: expect.any(String) }]);
    expect(await readGift(database.db, actor, gift.id)).toMatchObject({
      amount: 5000,
      netAmount: 2000,
      refunded: 3000,
    });
  });
});
