import { useQuery } from '@tanstack/react-query';
import { api, ApiError, publicPath } from '../api';

/** What a donor is told to do to pay (null fields do not apply to the method). */
export type Instructions = {
  method: string;
  reference: string;
  amount: number;
  currency: string;
  accountName: string | null;
  iban: string | null;
  bic: string | null;
  bankName: string | null;
  payableTo: string | null;
  cashAt: string | null;
};

/** One of my offers (GET /portal/donations). */
export type MyDonation = {
  id: string;
  kind: 'one_time' | 'recurring' | 'pledge';
  status: 'pending' | 'received' | 'cancelled';
  reference: string;
  amount: number;
  currency: string;
  fund: { id: string; name: string } | null;
  paymentMethod: string;
  frequency: string | null;
  installments: number | null;
  instructions: Instructions | null;
  giftId: string | null;
  createdAt: string;
};

/** The answer to an offer. */
export type Offer = { donation: MyDonation; instructions: Instructions | null };

/** What the give form may offer. */
export type GivingOptions = {
  organization: { slug: string; name: string };
  currencies: { currency: string; minAmount: number; maxAmount: number }[];
  presets: number[];
  funds: { id: string; name: string; restricted: boolean }[];
  methods: string[];
  kinds: ('one_time' | 'recurring' | 'pledge')[];
  frequencies: string[];
};

/** One of my gifts (GET /portal/gifts, with its receipts). */
export type MyGift = {
  id: string;
  kind: string;
  amount: number | null;
  currency: string;
  receivedOn: string;
  funds: string[];
  receipts: { id: string; number: string; kind: string; year: number }[];
};

/** One of my annual statements (GET /portal/statements); `year` is the year of giving. */
export type MyStatement = { id: string; number: string; year: number; issuedOn: string };

/** The organization's giving options. */
export function useGivingOptions() {
  return useQuery({
    queryKey: ['giving', 'options'],
    queryFn: () => api<GivingOptions>(publicPath('/giving-options')),
  });
}

/** My offers, when signed in. */
export function useMyDonations(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'donations'],
    queryFn: () => api<{ data: MyDonation[] }>('/portal/donations'),
    enabled,
  });
}

/**
 * My gifts with their receipts, when signed in; null when this Tend has no such endpoint yet
 * (the page then shows the offers only).
 */
export function useMyGifts(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'gifts'],
    queryFn: async () => {
      try {
        return (await api<{ data: MyGift[] }>('/portal/gifts')).data;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled,
  });
}

/** My annual statements, the latest year first, when signed in; none where this Tend has none. */
export function useMyStatements(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'statements'],
    queryFn: async () => {
      try {
        return (await api<{ data: MyStatement[] }>('/portal/statements')).data;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return [];
        throw err;
      }
    },
    enabled,
  });
}

/** Where a receipt's PDF is downloaded. */
export const receiptPdf = (id: string) => `/api/v1/portal/receipts/${encodeURIComponent(id)}/pdf`;
