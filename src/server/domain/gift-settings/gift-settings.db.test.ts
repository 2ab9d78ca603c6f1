import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { actorFor, buildOrg, buildUser } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import type { OrganizationRow } from '../../db/repositories/organizations';
import type { Actor } from '../actor';
import { givingOptions } from '../donations/options';
import { giftSettingsOf, saveGiftSettings } from './gift-settings';

let database: Database;
let org: OrganizationRow;
let actor: Actor;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

beforeAll(async () => {
  database = await testDatabase();
  org = await buildOrg(database.db);
  actor = actorFor(await buildUser(database.db, org, 'admin'));
});
afterAll(() => database.close());

describe("an organization's gift settings", () => {
  it('are EUR without details until saved, and the give form offers what they say', async () => {
    const before = await giftSettingsOf(database.db, org.id);
    expect(before).toMatchObject({ currency: 'EUR', version: 0, updatedAt: null });
    expect(Object.values(before.payment).every((v) => v === null)).toBe(true);
    expect((await givingOptions(database.db, org)).methods).toEqual([]);

    await database.db.transaction((tx) =>
      saveGiftSettings(
        tx,
        clock,
        actor,
        {
          currency: 'USD',
          majorGiftAmount: null,
          receipt: {},
          payment: { iban: 'LT601010012345678901' },
        },
        0,
      ),
    );
    const after = await giftSettingsOf(database.db, org.id);
    expect(after).toMatchObject({ currency: 'USD', version: 1 });
    expect(after.payment.iban).toBe('LT601010012345678901');
    const options = await givingOptions(database.db, org);
    expect(options.currencies[0]!.currency).toBe('USD');
    expect(options.methods).toEqual(['bank_transfer']);
  });
});
