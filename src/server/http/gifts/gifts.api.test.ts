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
let other: Staffed;
let donor: { id: string };
let foundation: { id: string };
let food: string;
let shelter: string;

const call = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  token = org.tokens.fundraiser,
  headers: Record<string, string> = {},
) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(token), ...headers },
    payload,
  });

const gift = (extra: object = {}) => ({
  kind: 'one_time',
  contactId: donor.id,
  amount: 2500,
  currency: 'EUR',
  receivedOn: '2026-11-30',
  ...extra,
});

async function record(body: object) {
  const res = await call('POST', '/gifts', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Asserts an error answer: status, catalogue code and the field it is about. */
async function expectError(
  body: object,
  status: number,
  code: string,
  path: string,
  url = '/gifts',
) {
  const res = await call('POST', url, body);
  expect(res.statusCode, res.body).toBe(status);
  const error = res.json().error;
  expect(error.code).toBe(code);
  expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
}

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-11-30T08:00:00Z'));
  org = await staffedOrg(api.database);
  other = await staffedOrg(api.database);
  donor = await buildContact(api.database.db, org.org, { roles: ['donor'] });
  foundation = await buildContact(api.database.db, org.org, {
    kind: 'organization',
    name: 'Green Foundation',
  } as never);
  const program = await call('POST', '/programs', { name: 'Food bank' }, org.tokens.manager);
  expect(program.statusCode, program.body).toBe(201);
  const fund = (name: string, restricted: boolean) =>
    call('POST', '/funds', { name, restricted, programId: program.json().id }, org.tokens.manager);
  food = (await fund('Food parcels', true)).json().id;
  shelter = (await fund('General', false)).json().id;
});
afterAll(() => api.close());

describe('recording each kind of gift', () => {
  it('records a one-time gift in minor units with its currency, method and campaign', async () => {
    const g = await record(
      gift({ paymentMethod: 'card', campaign: 'Winter 2026', appeal: 'Letter' }),
    );
    expect(g).toMatchObject({
      kind: 'one_time',
      contact: { id: donor.id },
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
    const stranger = await buildContact(api.database.db, org.org);
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

  it('records goods in kind at the value the organization set, not the donor’s', async () => {
    const g = await record({
      kind: 'in_kind',
      contactId: donor.id,
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
      contactId: donor.id,
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
      contactId: donor.id,
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
      contactId: foundation.id,
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
        contactId: donor.id,
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
        contactId: foundation.id,
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
      contactId: donor.id,
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
      { fundId: food, amount: 1000 },
      { fundId: shelter, amount: 1000 },
    ];
    await expectError(gift({ allocations }), 422, 'rule_violated', 'allocations');
  });

  it('refuses an allocation to an unknown fund, or another organization’s', async () => {
    const theirs = await call(
      'POST',
      '/funds',
      { name: 'Theirs', restricted: false },
      other.tokens.admin,
    );
    const allocations = [{ fundId: theirs.json().id, amount: 2500 }];
    await expectError(gift({ allocations }), 400, 'validation_failed', 'allocations.0.fundId');
  });

  it('refuses a soft credit to the donor themself with 422', async () => {
    const softCredits = [{ contactId: donor.id, type: 'spouse' }];
    await expectError(gift({ softCredits }), 422, 'rule_violated', 'softCredits.0.contactId');
  });

  it('refuses a donor from another organization as not found in this one', async () => {
    const theirs = await buildContact(api.database.db, other.org);
    await expectError(gift({ contactId: theirs.id }), 400, 'validation_failed', 'contactId');
  });
});

describe('allocations and soft credits', () => {
  it('splits a gift between funds by amount', async () => {
    const g = await record(
      gift({
        amount: 10_000,
        allocations: [
          { fundId: food, amount: 7_500 },
          { fundId: shelter, amount: 2_500 },
        ],
      }),
    );
    expect(g.allocations).toEqual([
      { fundId: food, fundName: 'Food parcels', amount: 7_500 },
      { fundId: shelter, fundName: 'General', amount: 2_500 },
    ]);
    const listed = await call('GET', `/gifts?fundId=${shelter}`);
    expect(listed.json().data.map((x: { id: string }) => x.id)).toContain(g.id);
  });

  it('credits a spouse and an honoured person, and names whom to notify of the tribute', async () => {
    const spouse = await buildContact(api.database.db, org.org);
    const honoured = await buildContact(api.database.db, org.org);
    const family = await buildContact(api.database.db, org.org);
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
  });
});

describe('refunds', () => {
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
    const payer = await buildContact(api.database.db, org.org);
    const g = await record(gift({ contactId: payer.id }));
    await call('POST', `/gifts/${g.id}/refunds`, { amount: 500 });
    const timeline = (await call('GET', `/contacts/${payer.id}/timeline`)).json().data;
    expect(timeline.map((e: { summary: string }) => e.summary)).toEqual([
      'Refunded €5.00 of a gift of €25.00',
      'Gave: one-time gift of €25.00',
    ]);
    const audit = (await call('GET', '/audit', undefined, org.tokens.admin)).json().data;
    const types = audit.map((e: { entityType: string }) => e.entityType);
    expect(types).toContain('gift_adjustment');
    expect(types).toContain('gift');
  });
});

describe('lists, idempotency and tenancy', () => {
  it('pages through gifts with a cursor and filters by contact and kind', async () => {
    const c = await buildContact(api.database.db, org.org);
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

  it('records a gift once per Idempotency-Key', async () => {
    const c = await buildContact(api.database.db, org.org);
    const body = gift({ contactId: c.id });
    const headers = { 'idempotency-key': `gift-${c.id}` };
    const a = await call('POST', '/gifts', body, org.tokens.fundraiser, headers);
    const b = await call('POST', '/gifts', body, org.tokens.fundraiser, headers);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(a.json().id);
    expect((await call('GET', `/gifts?contactId=${c.id}`)).json().data).toHaveLength(1);
  });

  it('answers 404 for another organization’s gift, and never lists it', async () => {
    const g = await record(gift());
    const theirs = other.tokens.admin;
    expect((await call('GET', `/gifts/${g.id}`, undefined, theirs)).statusCode).toBe(404);
    const refund = await call('POST', `/gifts/${g.id}/refunds`, { amount: 1 }, theirs);
    expect(refund.statusCode).toBe(404);
    const thanks = await call('POST', `/gifts/${g.id}/thanks`, { method: 'call' }, theirs);
    expect(thanks.statusCode).toBe(404);
    expect((await call('GET', '/gifts', undefined, theirs)).json().data).toEqual([]);
    expect((await call('GET', `/contacts/${donor.id}/giving`, undefined, theirs)).statusCode).toBe(
      404,
    );
  });

  it('lists funds and programs of the organization only', async () => {
    const funds = (await call('GET', '/funds')).json().data.map((f: { id: string }) => f.id);
    expect(funds).toEqual([food, shelter]);
    expect((await call('GET', '/funds', undefined, other.tokens.admin)).json().data).toHaveLength(
      1,
    );
    const programs = (await call('GET', '/programs')).json().data;
    expect(programs.map((p: { name: string }) => p.name)).toEqual(['Food bank']);
    const theirs = await call(
      'POST',
      '/funds',
      { name: 'X', restricted: true, programId: programs[0].id },
      other.tokens.admin,
    );
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().error.details[0].path).toBe('programId');
  });
});

describe('OpenAPI', () => {
  it('describes the gift routes from their zod schemas', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
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
