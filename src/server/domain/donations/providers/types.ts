import type { paymentMethods } from '../../../../shared/gifts';
import type { DonationKind } from '../../../../shared/schemas/donations';

/** How money reaches the organization (the gift vocabulary's payment methods). */
export type PaymentMethod = (typeof paymentMethods)[number];

/** The organization's offline payment details (gift_settings.payment). */
export type PaymentDetails = Record<string, string | null | undefined>;

/**
 * What a donor is told to do to pay: the reference to quote and, for the method chosen, where
 * to send or bring the money. Stored with the donation, so the donor always sees what they were
 * told, even after the organization changes its details.
 */
export type Instructions = {
  method: PaymentMethod;
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

/** A donation as a provider sees it when it starts. */
export type StartingDonation = {
  id: string;
  kind: DonationKind;
  paymentMethod: PaymentMethod;
  amount: number;
  currency: string;
  reference: string;
};

/** What starting a donation came to: money still to come (with instructions), or done. */
export type StartResult = {
  status: 'pending' | 'received';
  instructions?: Instructions;
};

/** Staff's (or a payment service's) word that the money arrived. */
export type Confirmation = { receivedOn: string; amount?: number | undefined };

/**
 * A payment provider: takes donations for some payment methods. `offered` says which of its
 * methods the organization has set up; `start` is called once when a donor offers a gift;
 * `confirm` turns the word that the money arrived into the amount and day the gift is recorded
 * with. A provider does no I/O of its own here: what it needs is passed in, so a card or
 * direct-debit provider (which would call a payment service) fits the same shape by starting a
 * checkout in `start` and confirming from its webhook.
 */
export interface PaymentProvider {
  /** Stored on the donation (`donations.provider`). */
  readonly id: string;
  /** Every method it can handle. */
  readonly methods: readonly PaymentMethod[];
  /** The methods it offers with this organization's details (a method without details is not). */
  offered(details: PaymentDetails): PaymentMethod[];
  /** Starts a donation: pending with instructions, or received at once (a pledge). */
  start(donation: StartingDonation, details: PaymentDetails): StartResult;
  /** What a confirmation records: the amount (the offer's unless told) and the day. */
  confirm(
    donation: { amount: number },
    confirmation: Confirmation,
  ): { amount: number; receivedOn: string };
}
