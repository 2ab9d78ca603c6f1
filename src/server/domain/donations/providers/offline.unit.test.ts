import { describe, expect, it } from 'vitest';
import { offeredMethods, providerFor } from './index';
import { offlineProvider } from './offline';
import type { StartingDonation } from './types';

const donation: StartingDonation = {
  id: 'd1',
  kind: 'one_time',
  paymentMethod: 'cheque',
  amount: 2500,
  currency: 'EUR',
  reference: 'D-2026-0001',
};
const details = {
  accountName: 'Food Bank',
  iban: 'LT601010012345678901',
  chequePayableTo: ' Food Bank ',
  cashAt: '',
};

describe('the offline payment provider', () => {
  it('offers only the methods the organization gave details for', () => {
    expect(offlineProvider.offered(details)).toEqual(['bank_transfer', 'cheque']);
    expect(offlineProvider.offered({})).toEqual([]);
    expect(offeredMethods({ cashAt: 'Gedimino pr. 1, Vilnius' })).toEqual(['cash']);
    expect(providerFor('card', details)).toBeUndefined();
    expect(providerFor('cash', details)).toBeUndefined();
    expect(providerFor('cheque', details)?.id).toBe('offline');
  });

  it("tells a cheque's payee and nothing of the bank account", () => {
    expect(offlineProvider.start(donation, details)).toEqual({
      status: 'pending',
      instructions: {
        method: 'cheque',
        reference: 'D-2026-0001',
        amount: 2500,
        currency: 'EUR',
        accountName: null,
        iban: null,
        bic: null,
        bankName: null,
        payableTo: 'Food Bank',
        cashAt: null,
      },
    });
  });

  it('takes a pledge as received at once, with how to pay it', () => {
    const started = offlineProvider.start(
      { ...donation, kind: 'pledge', paymentMethod: 'bank_transfer' },
      details,
    );
    expect(started.status).toBe('received');
    expect(started.instructions).toMatchObject({ iban: 'LT601010012345678901', payableTo: null });
  });

  it('confirms the offered amount unless told what arrived', () => {
    expect(offlineProvider.confirm({ amount: 2500 }, { receivedOn: '2026-12-01' })).toEqual({
      amount: 2500,
      receivedOn: '2026-12-01',
    });
    expect(
      offlineProvider.confirm({ amount: 2500 }, { receivedOn: '2026-12-01', amount: 2400 }).amount,
    ).toBe(2400);
  });
});
