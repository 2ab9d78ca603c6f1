import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import type { OrganizationRow } from '../../db/repositories/organizations';
import { donations, giftSettings, gifts } from '../../db/schema';
import type { Actor } from '../actor';
import { offerDonation } from './offer-donation';
import { cancelDonation, receiveDonation } from './settle-donation';

let database: Database;
let org: OrganizationRow;
let actor: Actor;
let donorId: string;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

beforeAll(async () => {
  database = await testDatabase();
  org = await buildOrg(database.db);
  actor = actorFor(await buildUser(database.db, org, 'fundraiser'));
  donorId = (await buildContact(database.db, org, { emails: [{ address: 'race@example.org' }] }))
    .id;
  await database.db
    .insert(giftSettings)
    .values({ orgId: org.id, payment: { iban: 'LT601010012345678901' } });
});
afterAll(() => database.close());

const offered = () =>
  database.db.transaction((tx) =>
    offerDonation(
      tx,
      clock,
      org,
      donorId,
      { kind: 'one_time', amount: 2500, currency: 'EUR', paymentMethod: 'bank_transfer' },
      { channel: 'portal', language: 'en', portalLink: 'https://tend.example/p/x/giving' },
    ),
  );

describe('settling a donation', () => {
  it('records one gift when two confirmations race', async () => {
    const { donation } = await offered();
    const race = await Promise.all(
      [1, 2].map(() =>
        database.db.transaction((tx) =>
          receiveDonation(tx, clock, actor, donation.id, { receivedOn: '2026-12-01' }),
        ),
      ),
    );
    expect(race[0]!.giftId).not.toBeNull();
    expect(race[1]!.giftId).toBe(race[0]!.giftId);
    const recorded = await database.db
      .select()
      .from(gifts)
      .where(and(eq(gifts.orgId, org.id), eq(gifts.contactId, donorId)));
    expect(recorded).toHaveLength(1);
  });

  it('lets a confirmation and a cancellation racing end in one state, never both', async () => {
    const { donation } = await offered();
    const outcomes = await Promise.allSettled([
      database.db.transaction((tx) =>
        receiveDonation(tx, clock, actor, donation.id, { receivedOn: '2026-12-01' }),
      ),
      database.db.transaction((tx) => cancelDonation(tx, clock, actor, donation.id, {})),
    ]);
    const [row] = await database.db.select().from(donations).where(eq(donations.id, donation.id));
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    expect(succeeded).toHaveLength(1);
    expect(row!.status === 'received').toBe(row!.giftId !== null);
  });

  it('numbers concurrent offers without a duplicate reference', async () => {
    const many = await Promise.all(Array.from({ length: 6 }, () => offered()));
    const refs = many.map((m) => m.donation.reference);
    expect(new Set(refs).size).toBe(6);
  });
});
