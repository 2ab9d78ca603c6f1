import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  d,
  give,
  offer,
  portalDonor,
  send,
  staff,
  useDonationApi,
} from '../../../../tests/support/donations';
import { auditLog } from '../../db/schema';

useDonationApi();

const receive = (id: string, body: object = { receivedOn: '2026-12-02' }, token?: string) =>
  staff('POST', `/donations/${id}/receive`, body, token);

describe('GET /donations', () => {
  it('lists offers newest first with the donor, by status, a page at a time', async () => {
    const someone = await portalDonor(d.org.org);
    const first = await give(offer(), someone);
    const second = await give(offer({ amount: 4000, fundId: d.fund }), someone);
    const page = await staff('GET', '/donations?status=pending&limit=1');
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      id: second.donation.id,
      contact: { id: someone.id },
      fund: { id: d.fund, name: 'Food parcels' },
      provider: 'offline',
      channel: 'portal',
      status: 'pending',
    });
    const next = await staff('GET', `/donations?status=pending&limit=1&cursor=${body.nextCursor}`);
    expect(next.json().data[0].id).toBe(first.donation.id);
    const received = await staff('GET', '/donations?status=received');
    expect(received.json().data.map((x: { id: string }) => x.id)).not.toContain(first.donation.id);
  });

  it("never shows another organization's offers, and 404s them by id", async () => {
    const theirs = await give(offer(), await portalDonor(d.other.org));
    const list = await staff('GET', '/donations?limit=200');
    expect(list.json().data.map((x: { id: string }) => x.id)).not.toContain(theirs.donation.id);
    expect((await staff('GET', `/donations/${theirs.donation.id}`)).statusCode).toBe(404);
    expect((await receive(theirs.donation.id)).statusCode).toBe(404);
  });

  it('refuses a bad status and a bad cursor', async () => {
    expect((await staff('GET', '/donations?status=lost')).statusCode).toBe(400);
    expect((await staff('GET', '/donations?cursor=nonsense')).statusCode).toBe(400);
  });
});

describe('POST /donations/{id}/receive', () => {
  it('records the gift to the fund, starts its thank-you clock, and answers the same again', async () => {
    const { donation } = await give(offer({ fundId: d.fund }));
    const res = await receive(donation.id);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({
      status: 'received',
      receivedOn: '2026-12-02',
      receivedAmount: 2500,
    });
    const gift = (await staff('GET', `/gifts/${after.giftId}`)).json();
    expect(gift).toMatchObject({
      kind: 'one_time',
      amount: 2500,
      currency: 'EUR',
      receivedOn: '2026-12-02',
      paymentMethod: 'bank_transfer',
      contact: { id: d.donor.id },
      allocations: [{ fundId: d.fund, amount: 2500 }],
      thanksPromise: { state: 'running' },
    });
    const again = await receive(donation.id, { receivedOn: '2026-12-03', amount: 9999 });
    expect(again.statusCode).toBe(200);
    expect(again.json().giftId).toBe(after.giftId);
    const gifts = await staff('GET', `/gifts?contactId=${d.donor.id}&limit=200`);
    expect(gifts.json().data.filter((g: { id: string }) => g.id === after.giftId)).toHaveLength(1);

    const audit = await d.api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'donation'), eq(auditLog.entityId, donation.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const mine = await send('GET', '/portal/donations', undefined, d.donor.cookie);
    const seen = mine.json().data.find((x: { id: string }) => x.id === donation.id);
    expect(seen).toMatchObject({ status: 'received', instructions: null, giftId: after.giftId });
  });

  it('records what arrived when the transfer differed, and a recurring gift as its first installment', async () => {
    const { donation } = await give(
      offer({ kind: 'recurring', frequency: 'monthly', amount: 1000 }),
    );
    const res = await receive(donation.id, { receivedOn: '2026-12-01', amount: 1200 });
    expect(res.json()).toMatchObject({ amount: 1000, receivedAmount: 1200 });
    const gift = (await staff('GET', `/gifts/${res.json().giftId}`)).json();
    expect(gift).toMatchObject({
      kind: 'recurring',
      amount: 1200,
      details: { frequency: 'monthly', installment: 1 },
    });
  });

  it('refuses a cancelled offer (409) and bad input (400)', async () => {
    const { donation } = await give(offer());
    expect((await receive(donation.id, { receivedOn: 'yesterday' })).statusCode).toBe(400);
    expect((await receive(donation.id, { receivedOn: '2026-12-01', amount: 0 })).statusCode).toBe(
      400,
    );
    expect(
      (await receive(donation.id, { receivedOn: '2026-12-01', amount: 12.5 })).statusCode,
    ).toBe(400);
    const cancelled = await staff('POST', `/donations/${donation.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledBy: 'staff' });
    const res = await receive(donation.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
  });

  it('is for roles that write gifts; agents read the list but may not confirm', async () => {
    const { donation } = await give(offer());
    expect(
      (await staff('GET', `/donations/${donation.id}`, undefined, d.org.tokens.agent)).statusCode,
    ).toBe(200);
    expect((await receive(donation.id, undefined, d.org.tokens.agent)).statusCode).toBe(403);
    const coordinator = d.org.tokens.volunteer_coordinator;
    expect((await staff('GET', '/donations', undefined, coordinator)).statusCode).toBe(403);
    expect((await receive(donation.id, undefined, d.org.tokens.manager)).statusCode).toBe(200);
  });

  it('cannot cancel a received offer', async () => {
    const { donation } = await give(offer());
    expect((await receive(donation.id)).statusCode).toBe(200);
    const res = await staff('POST', `/donations/${donation.id}/cancel`);
    expect(res.statusCode).toBe(409);
  });
});
