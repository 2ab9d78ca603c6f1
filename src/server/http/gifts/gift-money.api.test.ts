import { describe, expect, it } from 'vitest';
import { buildContact } from '../../../../tests/support/factories';
import { call, expectError, f, gift, record, useGiftApi } from '../../../../tests/support/gifts';

useGiftApi();

describe('allocations and soft credits', () => {
  it('splits a gift between funds by amount', async () => {
    const g = await record(
      gift({
        amount: 10_000,
        allocations: [
          { fundId: f.food, amount: 7_500 },
          { fundId: f.shelter, amount: 2_500 },
        ],
      }),
    );
    expect(g.allocations).toEqual([
      { fundId: f.food, fundName: 'Food parcels', amount: 7_500 },
      { fundId: f.shelter, fundName: 'General', amount: 2_500 },
    ]);
    const listed = await call('GET', `/gifts?fundId=${f.shelter}`);
    expect(listed.json().data.map((x: { id: string }) => x.id)).toContain(g.id);
  });

  it('credits a spouse and an honoured person, and names whom to notify of the tribute', async () => {
    const spouse = await buildContact(f.api.database.db, f.org.org);
    const honoured = await buildContact(f.api.database.db, f.org.org);
    const family = await buildContact(f.api.database.db, f.org.org);
    const g = await record(
      gift({
        softCredits: [
          { contactId: spouse.id, type: 'spouse' },
          { contactId: honoured.id, type: 'in_memory', amount: 1000, notifyContactId: family.id },
        ],
      }),
    );
    expect(g.softCredits).toEqual([
      {
        contactId: spouse.id,
        contactName: spouse.name,
        type: 'spouse',
        amount: 2500,
        notifyContactId: null,
      },
      {
        contactId: honoured.id,
        contactName: honoured.name,
        type: 'in_memory',
        amount: 1000,
        notifyContactId: family.id,
      },
    ]);
    const timeline = await call('GET', `/contacts/${spouse.id}/timeline`);
    expect(timeline.json().data[0]).toMatchObject({
      kind: 'gift',
      source: { type: 'gift', id: g.id },
    });
    // Fundraising data: a volunteer coordinator's view of the timeline leaves gifts out.
    const theirs = await call(
      'GET',
      `/contacts/${spouse.id}/timeline`,
      undefined,
      f.org.tokens.volunteer_coordinator,
    );
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().data).toEqual([]);
  });
});

describe('refunds, corrections and write-offs', () => {
  it('writes off part or all of what is still to come of a pledge, never more', async () => {
    const pledge = await record(gift({ kind: 'pledge', amount: 30_000 }));
    await record(gift({ amount: 10_000, pledgeId: pledge.id }));
    const url = `/gifts/${pledge.id}/write-off`;
    await expectError({ amount: 20_001 }, 422, 'rule_violated', 'amount', url);
    const part = await call('POST', url, { amount: 5_000, reason: 'Lost a job' });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({
      amount: 30_000,
      netAmount: 25_000,
      pledge: { paid: 10_000, writtenOff: 5_000, balance: 15_000 },
    });
    const rest = await call('POST', url, {});
    expect(rest.json().pledge).toEqual({ paid: 10_000, writtenOff: 20_000, balance: 0 });
    await expectError({}, 422, 'rule_violated', 'amount', url);
    const notPledge = await record(gift());
    await expectError({}, 422, 'rule_violated', 'id', `/gifts/${notPledge.id}/write-off`);
  });

  it('appends refunds, never edits the gift, and refuses more than is left', async () => {
    const g = await record(gift({ amount: 5000 }));
    const first = await call('POST', `/gifts/${g.id}/refunds`, {
      amount: 2000,
      reason: 'double charge',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ amount: 5000, netAmount: 3000, refunded: 2000 });
    await expectError({ amount: 3001 }, 422, 'rule_violated', 'amount', `/gifts/${g.id}/refunds`);
    await expectError({ amount: 0 }, 400, 'validation_failed', 'amount', `/gifts/${g.id}/refunds`);
    const rest = await call('POST', `/gifts/${g.id}/refunds`, { amount: 3000 });
    expect(rest.json()).toMatchObject({ amount: 5000, netAmount: 0, refunded: 5000 });
    expect(first.json().thanksPromise.state).toBe('running');
    expect(rest.json().thanksPromise.state).toBe('cancelled'); // nothing left to thank for
    expect(rest.json().adjustments.map((a: { delta: number }) => a.delta)).toEqual([-2000, -3000]);
    await expectError({ amount: 1 }, 422, 'rule_violated', 'amount', `/gifts/${g.id}/refunds`);
  });

  it('appends corrections with their reason, and refuses one that takes a gift to zero', async () => {
    const g = await record(gift({ amount: 2500 }));
    const url = `/gifts/${g.id}/corrections`;
    const fixed = await call('POST', url, { delta: -450, reason: 'Typed 25.00 for 20.50' });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.json()).toMatchObject({ amount: 2500, netAmount: 2050, refunded: 0 });
    expect(fixed.json().adjustments).toMatchObject([
      { kind: 'correction', delta: -450, reason: 'Typed 25.00 for 20.50' },
    ]);
    await expectError({ delta: -2050, reason: 'x' }, 422, 'rule_violated', 'delta', url);
    await expectError({ delta: 0, reason: 'x' }, 400, 'validation_failed', 'delta', url);
    await expectError({ delta: 1.5, reason: 'x' }, 400, 'validation_failed', 'delta', url);
    await expectError({ delta: 100 }, 400, 'validation_failed', 'reason', url);
    await expectError({ amount: 2051 }, 422, 'rule_violated', 'amount', `/gifts/${g.id}/refunds`);
  });

  it('refuses to refund a pledge, which holds no money received', async () => {
    const p = await record(gift({ kind: 'pledge' }));
    await expectError({ amount: 1 }, 422, 'rule_violated', 'amount', `/gifts/${p.id}/refunds`);
  });

  it('puts the refund on the timeline and in the audit log', async () => {
    const payer = await buildContact(f.api.database.db, f.org.org);
    const g = await record(gift({ contactId: payer.id }));
    await call('POST', `/gifts/${g.id}/refunds`, { amount: 500 });
    const timeline = (await call('GET', `/contacts/${payer.id}/timeline`)).json().data;
    expect(timeline.map((e: { summary: string }) => e.summary)).toEqual([
      'Refunded €5.00 of a gift of €25.00',
      'Gave: one-time gift of €25.00',
    ]);
    const audit = (await call('GET', '/audit', undefined, f.org.tokens.admin)).json().data;
    const types = audit.map((e: { entityType: string }) => e.entityType);
    expect(types).toContain('gift_adjustment');
    expect(types).toContain('gift');
  });
});
