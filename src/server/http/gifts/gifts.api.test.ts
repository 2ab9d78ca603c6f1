import { describe, expect, it } from 'vitest';
import { buildContact } from '../../../../tests/support/factories';
import { call, expectError, f, gift, record, useGiftApi } from '../../../../tests/support/gifts';

useGiftApi();

describe('recording each kind of gift', () => {
  it('records a one-time gift in minor units with its currency, method and campaign', async () => {
    const g = await record(
      gift({ paymentMethod: 'card', campaign: 'Winter 2026', appeal: 'Letter' }),
    );
    expect(g).toMatchObject({
      kind: 'one_time',
      contact: { id: f.donor.id },
      amount: 2500,
      netAmount: 2500,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      paymentMethod: 'card',
      campaign: 'Winter 2026',
      appeal: 'Letter',
    });
    expect((await call('GET', `/gifts/${g.id}`)).json()).toEqual(g);
  });

  it('records a recurring installment with its frequency', async () => {
    const g = await record(gift({ kind: 'recurring', frequency: 'monthly', installment: 3 }));
    expect(g.details).toEqual({ frequency: 'monthly', installment: 3 });
  });

  it('records a pledge and payments against it', async () => {
    const pledge = await record(
      gift({ kind: 'pledge', amount: 120_000, schedule: { frequency: 'yearly', installments: 3 } }),
    );
    expect(pledge.details.schedule).toEqual({ frequency: 'yearly', installments: 3 });
    const paid = await record(gift({ amount: 40_000, pledgeId: pledge.id }));
    expect(paid.pledgeId).toBe(pledge.id);
    const stranger = await buildContact(f.api.database.db, f.org.org);
    await expectError(
      gift({ contactId: stranger.id, pledgeId: pledge.id }),
      422,
      'rule_violated',
      'pledgeId',
    );
    await expectError(gift({ pledgeId: paid.id }), 400, 'validation_failed', 'pledgeId');
    const read = (await call('GET', `/gifts/${pledge.id}`)).json();
    expect(read.pledge).toEqual({ paid: 40_000, writtenOff: 0, balance: 80_000 });
    expect(paid.pledge).toBeNull();
  });

  it('records goods in kind at the value the organization set, not the donor’s', async () => {
    const g = await record({
      kind: 'in_kind',
      contactId: f.donor.id,
      currency: 'EUR',
      receivedOn: '2026-11-29',
      description: 'Two boxes of children’s books',
      condition: 'good',
      donorDeclaredValue: 10_000,
      fairMarketValue: 4_000,
    });
    expect(g).toMatchObject({
      amount: 4000,
      details: { donorDeclaredValue: 10_000, condition: 'good' },
    });
    const unvalued = await record({
      kind: 'in_kind',
      contactId: f.donor.id,
      currency: 'EUR',
      receivedOn: '2026-11-29',
      description: 'A sofa',
      donorDeclaredValue: 30_000,
    });
    expect(unvalued.amount).toBeNull();
  });

  it('values pro-bono work at hours × rate, rounded to a whole minor unit', async () => {
    const g = await record({
      kind: 'pro_bono',
      contactId: f.donor.id,
      currency: 'EUR',
      receivedOn: '2026-11-20',
      description: 'Legal review of the lease',
      hours: 2.25,
      hourlyRate: 8_333,
    });
    // 2.25 × 83.33 = 187.4925 → 187.49
    expect(g).toMatchObject({ amount: 18_749, details: { hours: 2.25, hourlyRate: 8_333 } });
  });

  it('records a grant from a funder organization with its period and deliverables', async () => {
    const g = await record({
      kind: 'grant',
      contactId: f.foundation.id,
      amount: 5_000_000,
      currency: 'EUR',
      receivedOn: '2026-11-01',
      period: { from: '2027-01-01', to: '2027-12-31' },
      deliverables: [{ description: 'Interim report', dueOn: '2027-06-30' }],
    });
    expect(g.details).toEqual({
      period: { from: '2027-01-01', to: '2027-12-31' },
      deliverables: [{ description: 'Interim report', dueOn: '2027-06-30' }],
    });
    await expectError(
      {
        kind: 'grant',
        contactId: f.donor.id,
        amount: 1,
        currency: 'EUR',
        receivedOn: '2026-11-01',
        period: { from: '2027-01-01', to: '2027-12-31' },
      },
      400,
      'validation_failed',
      'contactId',
    );
    await expectError(
      {
        kind: 'grant',
        contactId: f.foundation.id,
        amount: 1,
        currency: 'EUR',
        receivedOn: '2026-11-01',
        period: { from: '2027-01-01', to: '2026-12-31' },
      },
      400,
      'validation_failed',
      'period.to',
    );
  });

  it('records a sponsorship and a bequest intention with or without an amount', async () => {
    const s = await record(
      gift({ kind: 'sponsorship', amount: 100_000, sponsored: 'Spring gala' }),
    );
    expect(s.details).toEqual({ sponsored: 'Spring gala' });
    const b = await record({
      kind: 'bequest_intention',
      contactId: f.donor.id,
      currency: 'EUR',
      receivedOn: '2026-11-30',
      note: 'Told us at the gala',
    });
    expect(b).toMatchObject({
      amount: null,
      netAmount: null,
      details: { note: 'Told us at the gala' },
    });
  });
});

describe('bad input', () => {
  it.each([
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a negative amount', { amount: -100 }, 'amount'],
    ['a float amount', { amount: 25.5 }, 'amount'],
    ['an amount as a string', { amount: '25.00' }, 'amount'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a lower-case currency', { currency: 'eur' }, 'currency'],
    ['an unknown kind', { kind: 'barter' }, 'kind'],
    ['a missing received date', { receivedOn: undefined }, 'receivedOn'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    [
      'a float allocation',
      { allocations: [{ fundId: '00000000-0000-4000-8000-000000000000', amount: 12.5 }] },
      'allocations.0.amount',
    ],
  ])('refuses %s with 400 and the field', async (_name, extra, path) => {
    await expectError(gift(extra), 400, 'validation_failed', path);
  });

  it('refuses allocations that do not add up to the gift with 422', async () => {
    const allocations = [
      { fundId: f.food, amount: 1000 },
      { fundId: f.shelter, amount: 1000 },
    ];
    await expectError(gift({ allocations }), 422, 'rule_violated', 'allocations');
  });

  it('refuses an allocation to an unknown fund, or another organization’s', async () => {
    const theirs = await call(
      'POST',
      '/funds',
      { name: 'Theirs', restricted: false },
      f.other.tokens.admin,
    );
    const allocations = [{ fundId: theirs.json().id, amount: 2500 }];
    await expectError(gift({ allocations }), 400, 'validation_failed', 'allocations.0.fundId');
  });

  it('refuses a soft credit to the donor themself with 422', async () => {
    const softCredits = [{ contactId: f.donor.id, type: 'spouse' }];
    await expectError(gift({ softCredits }), 422, 'rule_violated', 'softCredits.0.contactId');
  });

  it('refuses a donor from another organization as not found in this one', async () => {
    const theirs = await buildContact(f.api.database.db, f.other.org);
    await expectError(gift({ contactId: theirs.id }), 400, 'validation_failed', 'contactId');
  });
});

describe('lists, idempotency and tenancy', () => {
  it('pages through gifts with a cursor and filters by contact and kind', async () => {
    const c = await buildContact(f.api.database.db, f.org.org);
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03'])
      await record(gift({ contactId: c.id, receivedOn: day }));
    await record(gift({ contactId: c.id, kind: 'pledge' }));
    const first = (await call('GET', `/gifts?contactId=${c.id}&kind=one_time&limit=2`)).json();
    expect(first.data.map((g: { receivedOn: string }) => g.receivedOn)).toEqual([
      '2026-11-03',
      '2026-11-02',
    ]);
    const next = (
      await call('GET', `/gifts?contactId=${c.id}&kind=one_time&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(next.data.map((g: { receivedOn: string }) => g.receivedOn)).toEqual(['2026-11-01']);
    expect(next.nextCursor).toBeNull();
  });

  it('filters gifts by the dates received and the campaign', async () => {
    const c = await buildContact(f.api.database.db, f.org.org);
    await record(gift({ contactId: c.id, receivedOn: '2026-10-31', campaign: 'Autumn' }));
    await record(gift({ contactId: c.id, receivedOn: '2026-11-15', campaign: 'Autumn' }));
    await record(gift({ contactId: c.id, receivedOn: '2026-11-20', campaign: 'Winter' }));
    const days = async (query: string) =>
      (await call('GET', `/gifts?contactId=${c.id}&${query}`))
        .json()
        .data.map((g: { receivedOn: string }) => g.receivedOn);
    expect(await days('from=2026-11-01&to=2026-11-15')).toEqual(['2026-11-15']);
    expect(await days('campaign=Autumn')).toEqual(['2026-11-15', '2026-10-31']);
    expect((await call('GET', '/gifts?from=2026-13-01')).statusCode).toBe(400);
  });

  it('records a gift once per Idempotency-Key', async () => {
    const c = await buildContact(f.api.database.db, f.org.org);
    const body = gift({ contactId: c.id });
    const headers = { 'idempotency-key': `gift-${c.id}` };
    const a = await call('POST', '/gifts', body, f.org.tokens.fundraiser, headers);
    const b = await call('POST', '/gifts', body, f.org.tokens.fundraiser, headers);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(a.json().id);
    expect((await call('GET', `/gifts?contactId=${c.id}`)).json().data).toHaveLength(1);
  });

  it('answers 404 for another organization’s gift, and never lists it', async () => {
    const g = await record(gift());
    const theirs = f.other.tokens.admin;
    expect((await call('GET', `/gifts/${g.id}`, undefined, theirs)).statusCode).toBe(404);
    const refund = await call('POST', `/gifts/${g.id}/refunds`, { amount: 1 }, theirs);
    expect(refund.statusCode).toBe(404);
    const thanks = await call('POST', `/gifts/${g.id}/thanks`, { method: 'call' }, theirs);
    expect(thanks.statusCode).toBe(404);
    expect((await call('GET', '/gifts', undefined, theirs)).json().data).toEqual([]);
    expect(
      (await call('GET', `/contacts/${f.donor.id}/giving`, undefined, theirs)).statusCode,
    ).toBe(404);
  });

  it('lists funds and programs of the organization only', async () => {
    const funds = (await call('GET', '/funds')).json().data.map((f: { id: string }) => f.id);
    expect(funds).toEqual([f.food, f.shelter]);
    expect((await call('GET', '/funds', undefined, f.other.tokens.admin)).json().data).toHaveLength(
      1,
    );
    const programs = (await call('GET', '/programs')).json().data;
    expect(programs.map((p: { name: string }) => p.name)).toEqual(['Food bank']);
    const theirs = await call(
      'POST',
      '/funds',
      { name: 'X', restricted: true, programId: programs[0].id },
      f.other.tokens.admin,
    );
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().error.details[0].path).toBe('programId');
  });
});

describe('OpenAPI', () => {
  it('describes the gift routes from their zod schemas', async () => {
    const res = await f.api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    for (const p of [
      '/gifts',
      '/gifts/{id}',
      '/gifts/{id}/refunds',
      '/gifts/{id}/thanks',
      '/gifts/thanks-queue',
      '/contacts/{id}/giving',
      '/funds',
      '/programs',
    ])
      expect(Object.keys(paths)).toContain(`/api/v1${p}`);
    expect(JSON.stringify(paths['/api/v1/gifts']!.post)).toContain('bequest_intention');
  });
});
