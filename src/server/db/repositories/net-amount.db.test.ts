import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Actor } from '../../domain/actor';
import { correctGift } from '../../domain/gifts/correct-gift';
import { recordGift } from '../../domain/gifts/record-gift';
import { refundGift } from '../../domain/gifts/refund-gift';
import type { Database } from '../connection';
import { lockGift, netAmount } from './gifts';
import { impactGifts } from './impact';
import { statementLines } from './receipts';

let database: Database;
let actor: Actor;
let donorId: string;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));
const common = { contactId: '', currency: 'EUR', receivedOn: '2026-11-30' };

beforeAll(async () => {
  database = await testDatabase();
  const org = await buildOrg(database.db);
  actor = actorFor(await buildUser(database.db, org, 'fundraiser'));
  donorId = (await buildContact(database.db, org)).id;
  common.contactId = donorId;
});
afterAll(() => database.close());

describe('a gift net of refunds and corrections', () => {
  it('is the same in the gift itself, the annual statement and the impact report, which leave promises out', async () => {
    const money = await database.db.transaction(async (tx) => {
      const g = await recordGift(tx, clock, actor, { kind: 'one_time', amount: 5000, ...common });
      await refundGift(tx, clock, actor, g.id, { amount: 1000 });
      await correctGift(tx, clock, actor, g.id, { delta: 250, reason: 'typo' });
      return g;
    });
    const goods = await database.db.transaction((tx) =>
      recordGift(tx, clock, actor, { kind: 'in_kind', description: 'Blankets', ...common }),
    );
    const pledge = await database.db.transaction((tx) =>
      recordGift(tx, clock, actor, { kind: 'pledge', amount: 9000, ...common }),
    );
    const net = await database.db.transaction(async (tx) =>
      netAmount(tx, actor.orgId, (await lockGift(tx, actor.orgId, money.id))!),
    );
    expect(net).toBe(4250);
    const lines = await statementLines(database.db, actor.orgId, donorId, 2026);
    const report = await impactGifts(database.db, actor.orgId, donorId, '2026-01-01', '2026-12-31');
    for (const rows of [lines, report]) {
      const byId = new Map(rows.map((r) => [r.id, r.net === null ? null : Number(r.net)]));
      expect(byId.get(money.id)).toBe(4250);
      expect(byId.get(goods.id)).toBeNull();
      expect(byId.has(pledge.id)).toBe(false); // a promise, not a gift received
    }
  });
});
