import { describe, expect, it } from 'vitest';
import { emptyForm, giftBody, giftTotal, remainder, type GiftForm } from './gift-form';

const form = (patch: Partial<GiftForm>): GiftForm => ({
  ...emptyForm('EUR', '00000000-0000-4000-8000-000000000001'),
  ...patch,
});
const fund = (n: number) => `00000000-0000-4000-8000-00000000010${n}`;

describe('the record-gift form', () => {
  it('shows what is left to designate as the parts are typed, in the language’s decimals', () => {
    const f = form({
      amount: '120,50',
      allocations: [
        { fundId: fund(1), amount: '70,25' },
        { fundId: fund(2), amount: '40' },
      ],
    });
    expect(remainder(f, 'lt')).toBe(1025);
    expect(remainder({ ...f, allocations: [] }, 'lt')).toBe(12050);
    expect(remainder({ ...f, amount: '' }, 'lt')).toBeNull();
  });

  it('sends a split that adds up as integer minor units', () => {
    const out = giftBody(
      form({
        amount: '0.29',
        paymentMethod: 'card',
        campaign: '  Winter ',
        allocations: [
          { fundId: fund(1), amount: '0.20' },
          { fundId: fund(2), amount: '0.09' },
        ],
      }),
      'en',
    );
    expect(out).toEqual({
      body: expect.objectContaining({
        kind: 'one_time',
        amount: 29,
        currency: 'EUR',
        paymentMethod: 'card',
        campaign: 'Winter',
        allocations: [
          { fundId: fund(1), amount: 20 },
          { fundId: fund(2), amount: 9 },
        ],
      }) as unknown,
    });
  });

  it('names the fields the browser can already tell are wrong', () => {
    const out = giftBody(
      form({
        contactId: null,
        amount: '12.345',
        allocations: [{ fundId: fund(1), amount: '5' }],
        softCredits: [{ contactId: null, type: 'spouse', amount: 'lots', notifyContactId: null }],
      }),
      'en',
    );
    expect('problems' in out && out.problems.map((p) => p.path)).toEqual([
      'contactId',
      'amount',
      'softCredits.0.amount',
    ]);
    const short = giftBody(
      form({ amount: '10', allocations: [{ fundId: fund(1), amount: '5' }] }),
      'en',
    );
    expect('problems' in short && short.problems).toEqual([
      { path: 'allocations', key: 'errors.split' },
    ]);
  });

  it('values a pro-bono gift at hours × rate and in-kind goods at the value the organization set', () => {
    expect(giftTotal(form({ kind: 'pro_bono', hours: '2.5', hourlyRate: '40' }), 'en')).toBe(10000);
    expect(giftTotal(form({ kind: 'pro_bono', hours: '1,25', hourlyRate: '0,99' }), 'lt')).toBe(
      124,
    );
    expect(giftTotal(form({ kind: 'in_kind', fairMarketValue: '' }), 'en')).toBeNull();
    const goods = giftBody(
      form({ kind: 'in_kind', description: 'Winter coats', donorDeclaredValue: '300' }),
      'en',
    );
    expect(goods).toEqual({
      body: expect.objectContaining({
        description: 'Winter coats',
        donorDeclaredValue: 30000,
      }) as unknown,
    });
    expect('body' in goods && 'amount' in goods.body).toBe(false);
  });

  it('sends the pledge a payment is against, only for kinds that pay one', () => {
    const pledgeId = fund(9);
    const paid = giftBody(form({ amount: '10', pledgeId }), 'en');
    expect('body' in paid && paid.body.pledgeId).toBe(pledgeId);
    const pledge = giftBody(form({ kind: 'pledge', amount: '10', pledgeId }), 'en');
    expect('body' in pledge && 'pledgeId' in pledge.body).toBe(false);
  });

  it('gives a grant its period and the deliverables that were filled in', () => {
    const out = giftBody(
      form({
        kind: 'grant',
        amount: '5000',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        deliverables: [
          { description: 'Mid-year report', dueOn: '2026-07-15' },
          { description: '', dueOn: '' },
        ],
      }),
      'en',
    );
    expect(out).toEqual({
      body: expect.objectContaining({
        amount: 500000,
        period: { from: '2026-01-01', to: '2026-12-31' },
        deliverables: [{ description: 'Mid-year report', dueOn: '2026-07-15' }],
      }) as unknown,
    });
  });
});
