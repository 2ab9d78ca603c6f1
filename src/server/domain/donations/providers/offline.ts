import type { PaymentDetails, PaymentMethod, PaymentProvider } from './types';

const value = (details: PaymentDetails, key: string): string | null => {
  const v = details[key];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};

/** Which detail a method cannot be offered without. */
const needs: Record<'bank_transfer' | 'cheque' | 'cash', string> = {
  bank_transfer: 'iban',
  cheque: 'chequePayableTo',
  cash: 'cashAt',
};

/**
 * Offline payments: a bank transfer quoting the reference, a cheque, or cash brought to the
 * office. The donation waits (pending) until staff see the money and confirm it; a pledge is a
 * promise, recorded at once.
 * @example offlineProvider.offered({ iban: 'LT12 1000 0111 0100 1000' }) // ['bank_transfer']
 */
export const offlineProvider: PaymentProvider = {
  id: 'offline',
  methods: ['bank_transfer', 'cheque', 'cash'],
  offered(details) {
    const methods: PaymentMethod[] = ['bank_transfer', 'cheque', 'cash'];
    return methods.filter((m) => value(details, needs[m as keyof typeof needs]) !== null);
  },
  start(donation, details) {
    const m = donation.paymentMethod;
    const instructions = {
      method: m,
      reference: donation.reference,
      amount: donation.amount,
      currency: donation.currency,
      accountName: m === 'bank_transfer' ? value(details, 'accountName') : null,
      iban: m === 'bank_transfer' ? value(details, 'iban') : null,
      bic: m === 'bank_transfer' ? value(details, 'bic') : null,
      bankName: m === 'bank_transfer' ? value(details, 'bankName') : null,
      payableTo: m === 'cheque' ? value(details, 'chequePayableTo') : null,
      cashAt: m === 'cash' ? value(details, 'cashAt') : null,
    };
    return { status: donation.kind === 'pledge' ? 'received' : 'pending', instructions };
  },
  confirm(donation, confirmation) {
    return {
      amount: confirmation.amount ?? donation.amount,
      receivedOn: confirmation.receivedOn,
    };
  },
};
