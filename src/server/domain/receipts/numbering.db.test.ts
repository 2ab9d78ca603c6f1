import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import { queryRows, type Database } from '../../db/connection';
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { recordGift } from '../gifts/record-gift';
import { refundGift } from '../gifts/refund-gift';
import { issueGiftReceipt } from './issue';
import { issueStatement } from './statement';

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

const newGift = (amount = 2500) =>
  database.db.transaction((tx) =>
    recordGift(tx, clock, actor, {
      kind: 'one_time',
      contactId: donorId,
      amount,
      currency: 'EUR',
      receivedOn: '2026-11-30',
    }),
  );
const numbers = () =>
  queryRows<{ number: number; kind: string; gift_id: string }>(
    database.db,
    sql`select number, kind, gift_id from receipts where org_id = ${actor.orgId} order by number`,
  );
const issue = (giftId: string) =>
  database.db.transaction((tx) => issueGiftReceipt(tx, clock, actor, giftId, {}));

describe('receipt numbers', () => {
  it('stay gapless and unique under 20 concurrent issues, with failed issues giving their number back', async () => {
    const gifts = await Promise.all(Array.from({ length: 20 }, () => newGift()));
    const failing = Array.from({ length: 5 }, () =>
      database.db.transaction(async (tx) => {
        await issueGiftReceipt(tx, clock, actor, gifts[0]!.id, {});
        throw new Error('the issuing transaction fails after taking a number');
      }),
    );
    const results = await Promise.allSettled([...gifts.map((g) => issue(g.id)), ...failing]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
    const issued = await numbers();
    expect(issued.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(issued.map((r) => r.gift_id)).size).toBe(20);
    const [counter] = await queryRows<{ last: number }>(
      database.db,
      sql`select last from receipt_counters where org_id = ${actor.orgId} and year = 2026`,
    );
    expect(Number(counter!.last)).toBe(20);
  });

  it('gives one gift asked for ten times at once one receipt', async () => {
    const gift = await newGift();
    const answers = await Promise.all(Array.from({ length: 10 }, () => issue(gift.id)));
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.receipt.id)).size).toBe(1);
    expect((await numbers()).filter((r) => r.gift_id === gift.id)).toHaveLength(1);
  });

  it('numbers corrections from the same counter, while refunds race', async () => {
    const gift = await newGift(10_000);
    await issue(gift.id);
    const before = (await numbers()).length;
    const refunds = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        database.db.transaction((tx) => refundGift(tx, clock, actor, gift.id, { amount: 1000 })),
      ),
    );
    expect(refunds.every((r) => r.status === 'fulfilled')).toBe(true);
    const all = await numbers();
    expect(all.map((r) => r.number)).toEqual(Array.from({ length: before + 6 }, (_, i) => i + 1));
    expect(all.filter((r) => r.gift_id === gift.id && r.kind === 'correction')).toHaveLength(6);
  });

  it("gives a donor's year asked for a statement five times at once one live statement", async () => {
    const org = await buildOrg(database.db);
    const staff = actorFor(await buildUser(database.db, org, 'fundraiser'));
    const donor = (await buildContact(database.db, org)).id;
    await database.db.transaction((tx) =>
      recordGift(tx, clock, staff, {
        kind: 'one_time',
        contactId: donor,
        amount: 4000,
        currency: 'EUR',
        receivedOn: '2026-03-01',
      }),
    );
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        database.db.transaction((tx) => issueStatement(tx, clock, staff, donor, { year: 2026 })),
      ),
    );
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.receipt.id)).size).toBe(1);
    const statements = await queryRows<{ id: string }>(
      database.db,
      sql`select id from receipts where org_id = ${org.id} and contact_id = ${donor}
            and kind = 'statement'`,
    );
    expect(statements).toHaveLength(1);
  });
});
