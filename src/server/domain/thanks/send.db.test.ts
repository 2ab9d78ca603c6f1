import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { giftThanks, outbox } from '../../db/schema';
import type { Actor } from '../actor';
import { recordGift } from '../gifts/record-gift';
import { AppError } from '../../errors';
import { bulkThanks, sendThanks } from './send';

let database: Database;
let actor: Actor;
let donor: { id: string; emails: { address: string }[] };
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

beforeAll(async () => {
  database = await testDatabase();
  const org = await buildOrg(database.db);
  actor = actorFor(await buildUser(database.db, org, 'fundraiser'));
  donor = await buildContact(database.db, org, { emails: [{ address: 'race@example.org' }] });
});
afterAll(() => database.close());

describe('bulk thank-yous', () => {
  it('thanks a gift once when two batches race for it (the gift row is locked while sending)', async () => {
    const gift = await database.db.transaction((tx) =>
      recordGift(tx, clock, actor, {
        kind: 'one_time',
        contactId: donor.id,
        amount: 5000,
        currency: 'EUR',
        receivedOn: '2026-11-30',
      }),
    );
    const [a, b] = await Promise.all(
      [1, 2].map(() => bulkThanks(database.db, clock, actor, { giftIds: [gift.id] })),
    );
    expect([a!.data[0]!.status, b!.data[0]!.status].sort()).toEqual(['sent', 'skipped']);
    const thanks = await database.db
      .select()
      .from(giftThanks)
      .where(eq(giftThanks.giftId, gift.id));
    expect(thanks).toHaveLength(1);
    const mails = await database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orgId, actor.orgId), eq(outbox.recipient, 'race@example.org')));
    expect(mails).toHaveLength(1);
  });

  it('emails a gift once when two sends race for it: the second answers 409 conflict', async () => {
    const gift = await database.db.transaction((tx) =>
      recordGift(tx, clock, actor, {
        kind: 'one_time',
        contactId: donor.id,
        amount: 7000,
        currency: 'EUR',
        receivedOn: '2026-11-30',
      }),
    );
    const send = () =>
      database.db.transaction((tx) => sendThanks(tx, clock, actor, gift.id, { method: 'email' }));
    const mails = async () =>
      (
        await database.db
          .select()
          .from(outbox)
          .where(and(eq(outbox.orgId, actor.orgId), eq(outbox.template, 'gift_thanks')))
      ).length;
    const before = await mails();
    const outcomes = await Promise.allSettled([send(), send()]);
    expect(await mails()).toBe(before + 1);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe('conflict');
    expect((refused.reason as AppError).status).toBe(409);
    const emailed = await database.db
      .select()
      .from(giftThanks)
      .where(eq(giftThanks.giftId, gift.id));
    expect(emailed).toHaveLength(1);
  });

  it('emails a gift thanked by email again when asked to resend', async () => {
    const gift = await database.db.transaction((tx) =>
      recordGift(tx, clock, actor, {
        kind: 'one_time',
        contactId: donor.id,
        amount: 8000,
        currency: 'EUR',
        receivedOn: '2026-11-30',
      }),
    );
    for (const resend of [false, true])
      await database.db.transaction((tx) =>
        sendThanks(tx, clock, actor, gift.id, { method: 'email', resend }),
      );
    const emailed = await database.db
      .select()
      .from(giftThanks)
      .where(eq(giftThanks.giftId, gift.id));
    expect(emailed).toHaveLength(2);
  });
});
