import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';

let api: TestApi;
let org: Staffed;

const call = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  token = org.tokens.fundraiser,
) => api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });

async function give(contactId: string, receivedOn: string, amount: number, extra: object = {}) {
  const res = await call('POST', '/gifts', {
    kind: 'one_time',
    contactId,
    amount,
    currency: 'EUR',
    receivedOn,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}
async function refund(giftId: string, amount: number) {
  expect((await call('POST', `/gifts/${giftId}/refunds`, { amount })).statusCode).toBe(201);
}
const giving = async (contactId: string) => {
  const res = await call('GET', `/contacts/${contactId}/giving`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-11-30T12:00:00Z'));
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('the giving summary', () => {
  it('counts own gifts net of refunds, by currency, with soft credits beside and never in the totals', async () => {
    const donor = await buildContact(api.database.db, org.org);
    const spouse = await buildContact(api.database.db, org.org);
    const g2024 = await give(donor.id, '2024-03-01', 10_000);
    const g2025 = await give(donor.id, '2025-06-01', 20_000);
    await refund(g2025.id, 12_000); // 8 000 left: no longer the largest
    await give(donor.id, '2025-12-01', 700, { currency: 'USD' });
    const last = await give(donor.id, '2026-01-15', 3_000, {
      softCredits: [{ contactId: spouse.id, type: 'spouse' }],
    });
    const gone = await give(donor.id, '2026-11-30', 50_000);
    await refund(gone.id, 50_000); // wholly refunded: counts nowhere
    await give(donor.id, '2026-05-01', 100_000, { kind: 'pledge' }); // a promise, not a gift
    await call('POST', '/gifts', {
      kind: 'in_kind',
      contactId: donor.id,
      currency: 'EUR',
      receivedOn: '2026-06-01',
      description: 'Unvalued books',
    });
    await give(spouse.id, '2026-03-03', 1_000);

    expect(await giving(donor.id)).toEqual({
      contactId: donor.id,
      year: 2026,
      giftCount: 4,
      firstGift: { id: g2024.id, amount: 10_000, currency: 'EUR', receivedOn: '2024-03-01' },
      lastGift: { id: last.id, amount: 3_000, currency: 'EUR', receivedOn: '2026-01-15' },
      largestGift: { id: g2024.id, amount: 10_000, currency: 'EUR', receivedOn: '2024-03-01' },
      totals: [
        { currency: 'EUR', thisYear: 3_000, lastYear: 8_000, lifetime: 21_000 },
        { currency: 'USD', thisYear: 0, lastYear: 700, lifetime: 700 },
      ],
      consecutiveYears: 3,
      softCredits: { count: 0, totals: [] },
      level: null,
    });
    const theirs = await giving(spouse.id);
    expect(theirs.totals).toEqual([
      { currency: 'EUR', thisYear: 1_000, lastYear: 0, lifetime: 1_000 },
    ]);
    expect(theirs.softCredits).toEqual({
      count: 1,
      totals: [{ currency: 'EUR', thisYear: 3_000, lastYear: 0, lifetime: 3_000 }],
    });
  });

  it('is current as soon as a gift is saved', async () => {
    const donor = await buildContact(api.database.db, org.org);
    expect(await giving(donor.id)).toMatchObject({ giftCount: 0, firstGift: null, totals: [] });
    await give(donor.id, '2026-11-30', 2_500);
    expect(await giving(donor.id)).toMatchObject({
      giftCount: 1,
      totals: [{ currency: 'EUR', thisYear: 2_500 }],
    });
  });

  it('counts consecutive years back from last year while this year has no gift yet, and stops at a gap', async () => {
    const faithful = await buildContact(api.database.db, org.org);
    for (const day of ['2023-05-01', '2024-05-01', '2025-05-01'])
      await give(faithful.id, day, 1_000);
    expect((await giving(faithful.id)).consecutiveYears).toBe(3);
    const gap = await buildContact(api.database.db, org.org);
    for (const day of ['2023-05-01', '2025-05-01', '2026-05-01']) await give(gap.id, day, 1_000);
    expect((await giving(gap.id)).consecutiveYears).toBe(2);
    const lapsed = await buildContact(api.database.db, org.org);
    await give(lapsed.id, '2024-05-01', 1_000);
    expect((await giving(lapsed.id)).consecutiveYears).toBe(0);
  });

  it('answers 404 for an unknown contact', async () => {
    const res = await call('GET', '/contacts/00000000-0000-4000-8000-000000000000/giving');
    expect(res.statusCode).toBe(404);
  });

  it('is not shown to a volunteer coordinator', async () => {
    const donor = await buildContact(api.database.db, org.org);
    const res = await call(
      'GET',
      `/contacts/${donor.id}/giving`,
      undefined,
      org.tokens.volunteer_coordinator,
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('LYBUNT and SYBUNT', () => {
  it('lists donors who gave last year (LYBUNT) or some year (SYBUNT) but not this year', async () => {
    const lybunt = await buildContact(api.database.db, org.org);
    await give(lybunt.id, '2025-03-01', 1_000);
    const sybunt = await buildContact(api.database.db, org.org);
    await give(sybunt.id, '2023-03-01', 1_000);
    const loyal = await buildContact(api.database.db, org.org);
    await give(loyal.id, '2025-03-01', 1_000);
    await give(loyal.id, '2026-02-01', 1_000);
    const refunded = await buildContact(api.database.db, org.org);
    const undone = await give(refunded.id, '2025-04-01', 1_000);
    await refund(undone.id, 1_000);
    const pledged = await buildContact(api.database.db, org.org);
    await give(pledged.id, '2025-04-01', 1_000, { kind: 'pledge' });
    const ids = async (list: string) => {
      const res = await call('GET', `/gifts/${list}?limit=200`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data.map((d: { contact: { id: string } }) => d.contact.id);
    };
    const ly = await ids('lybunt');
    expect(ly).toContain(lybunt.id);
    for (const c of [sybunt, loyal, refunded, pledged]) expect(ly).not.toContain(c.id);
    const sy = await ids('sybunt');
    expect(sy).toContain(lybunt.id);
    expect(sy).toContain(sybunt.id);
    for (const c of [loyal, refunded, pledged]) expect(sy).not.toContain(c.id);
    expect(sy.indexOf(lybunt.id)).toBeLessThan(sy.indexOf(sybunt.id)); // most recent first
  });

  it('pages through the list with a cursor', async () => {
    for (const day of ['2024-01-01', '2024-01-02'])
      await give((await buildContact(api.database.db, org.org)).id, day, 1_000);
    const first = (await call('GET', '/gifts/sybunt?limit=1')).json();
    expect(first.data).toHaveLength(1);
    const second = (await call('GET', `/gifts/sybunt?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.data).toHaveLength(1);
    expect(second.data[0].contact.id).not.toBe(first.data[0].contact.id);
    expect(second.data[0].lastGiftOn <= first.data[0].lastGiftOn).toBe(true);
  });
});
