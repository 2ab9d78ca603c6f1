import type { giftFrequencies } from '../../../shared/gifts';
import type { DonationKind, DonationStatus } from '../../../shared/schemas/donations';
import type { DonationRow } from '../../db/repositories/donations';
import type { Instructions, PaymentMethod } from './providers';

/** What a donation's `details` hold. */
export type DonationDetails = {
  frequency?: (typeof giftFrequencies)[number] | null;
  installments?: number | null;
  note?: string | null;
  channel?: string;
  instructions?: Instructions | null;
  receivedOn?: string;
  receivedAmount?: number;
  cancelledBy?: 'donor' | 'staff';
  /** Who confirmed a pledge offered through the public form. */
  confirmedBy?: 'donor' | 'staff';
};

/** A donation as the donor sees it on the portal (no staff-only facts). */
export function presentMyDonation(row: DonationRow, fundName: string | null) {
  const d = row.details as DonationDetails;
  return {
    id: row.id,
    kind: row.kind as DonationKind,
    status: row.status as DonationStatus,
    reference: row.reference,
    amount: row.amount,
    currency: row.currency,
    fund: row.fundId ? { id: row.fundId, name: fundName ?? '' } : null,
    paymentMethod: row.paymentMethod as PaymentMethod,
    frequency: d.frequency ?? null,
    installments: d.installments ?? null,
    note: d.note ?? null,
    // Instructions matter while money is to come: a pending gift, or a pledge's payments.
    instructions:
      row.status === 'pending' || (row.kind === 'pledge' && row.status === 'received')
        ? (d.instructions ?? null)
        : null,
    giftId: row.giftId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A donation as staff see it: the donor, the provider, and what was received. */
export function presentDonation(
  row: DonationRow,
  contact: { id: string; name: string },
  fundName: string | null,
) {
  const d = row.details as DonationDetails;
  return {
    ...presentMyDonation(row, fundName),
    instructions: d.instructions ?? null,
    contact,
    provider: row.provider,
    channel: d.channel ?? null,
    receivedOn: d.receivedOn ?? null,
    receivedAmount: d.receivedAmount ?? null,
    cancelledBy: d.cancelledBy ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A donor's view of a donation. */
export type MyDonationView = ReturnType<typeof presentMyDonation>;
/** Staff's view of a donation. */
export type DonationView = ReturnType<typeof presentDonation>;
