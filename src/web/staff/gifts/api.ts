import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type {
  giftAdjustmentKinds,
  GiftKind,
  paymentMethods,
  softCreditTypes,
  thanksMethods,
} from '../../../shared/gifts';
import { api, ApiError, type Me } from '../api';
import { newKey } from '../../ids';

export { api, ApiError };

/** A list answer. */
export type List<T> = { data: T[]; nextCursor: string | null };

/** How a thank-you was or will be given. */
export type ThanksMethod = (typeof thanksMethods)[number];

/** A gift as the API answers it: money in integer minor units. */
export type Gift = {
  id: string;
  kind: GiftKind;
  contact: { id: string; name: string };
  amount: number | null;
  currency: string;
  netAmount: number | null;
  refunded: number;
  pledge: { paid: number; writtenOff: number; balance: number } | null;
  receivedOn: string;
  paymentMethod: (typeof paymentMethods)[number] | null;
  campaign: string | null;
  appeal: string | null;
  pledgeId: string | null;
  details: Record<string, unknown>;
  allocations: { fundId: string; fundName: string; amount: number }[];
  softCredits: {
    contactId: string;
    contactName: string;
    type: (typeof softCreditTypes)[number];
    amount: number | null;
    notifyContactId: string | null;
  }[];
  adjustments: {
    id: string;
    kind: (typeof giftAdjustmentKinds)[number];
    delta: number;
    reason: string | null;
    occurredOn: string;
    createdAt: string;
  }[];
  thanks: { method: ThanksMethod; note: string | null; thankedAt: string; userId: string | null }[];
  thanksPromise: { state: string; dueAt: string | null; kept: boolean | null } | null;
  /** How the gift is to be thanked and by whom, as its policy said. */
  thanksPlan: { method: ThanksMethod; user: { id: string; name: string } | null };
  /** A grant's deliverables, each with its promise (none for one already past when recorded). */
  deliverables: {
    index: number;
    description: string;
    dueOn: string;
    promise: {
      state: string;
      dueAt: string | null;
      kept: boolean | null;
      fulfilledAt: string | null;
    } | null;
  }[];
  createdAt: string;
};

/** A gift in the thank-you queue: flagged when it is the donor's first, or a major gift. */
export type QueueGift = Gift & { firstGift: boolean; majorGift: boolean };

/** A fund. */
export type Fund = {
  id: string;
  name: string;
  restricted: boolean;
  programId: string | null;
  description: string | null;
};

/** One gift in a donor's summary. */
export type BriefGift = { id: string; amount: number; currency: string; receivedOn: string };
/** Totals per currency. */
export type Totals = { currency: string; thisYear: number; lastYear: number; lifetime: number }[];

/** A contact's giving summary. */
export type Giving = {
  contactId: string;
  year: number;
  giftCount: number;
  firstGift: BriefGift | null;
  lastGift: BriefGift | null;
  largestGift: BriefGift | null;
  totals: Totals;
  consecutiveYears: number;
  softCredits: { count: number; totals: Totals };
  level: { id: string; name: string; slug: string } | null;
};

/** A receipt: a gift's, its correction, or an annual statement. */
export type Receipt = {
  id: string;
  number: string;
  year: number;
  kind: 'gift' | 'correction' | 'statement';
  contactId: string;
  giftId: string | null;
  replacedBy: { id: string; number: string } | null;
  language: string;
  issuedAt: string;
};

/** A donation from the portal, waiting for its money (or received, or cancelled). */
export type Donation = {
  id: string;
  kind: string;
  status: 'pending' | 'received' | 'cancelled';
  reference: string;
  contact: { id: string; name: string };
  amount: number;
  currency: string;
  fund: { id: string; name: string } | null;
  paymentMethod: (typeof paymentMethods)[number];
  frequency: string | null;
  installments: number | null;
  note: string | null;
  giftId: string | null;
  version: number;
  createdAt: string;
};

/** One gift's answer to a bulk thank-you. */
export type BulkResult = { giftId: string; status: 'sent' | 'skipped' | 'failed'; code?: string };

/** Query keys of the gifts area. */
export const keys = {
  gifts: ['gifts'] as const,
  gift: (id: string) => ['gifts', id] as const,
  queue: ['gifts', 'thanks-queue'] as const,
  funds: ['funds'] as const,
  giving: (contactId: string) => ['giving', contactId] as const,
  receipts: ['receipts'] as const,
  donations: ['donations'] as const,
};

/**
 * Calls the API; a creating POST carries an `Idempotency-Key` (a form passes one `key` of its
 * own, `useFormKey`, so sending again after a lost answer creates one thing), `version` becomes
 * `If-Match`.
 */
export function send<T>(
  path: string,
  init: { method: string; body?: unknown; key?: string; version?: number | string },
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.version !== undefined) headers['if-match'] = `"${init.version}"`;
  if (init.method === 'POST') headers['idempotency-key'] = init.key ?? newKey();
  return api<T>(path, { method: init.method, body: init.body, headers });
}

/** One Idempotency-Key for the life of a form. */
export const useFormKey = () => useState(newKey)[0];

/** The signed-in person's permissions (the same query the console's shell makes). */
export function usePermissions() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/auth/me') });
  const permissions = new Set(me.data?.permissions ?? []);
  return { me: me.data, can: (p: string) => permissions.has(p) };
}

/** The organization's funds (the first pages: an organization has tens, not thousands). */
export function useFunds() {
  return useQuery({
    queryKey: keys.funds,
    queryFn: () => api<List<Fund>>('/funds?limit=200'),
  });
}
