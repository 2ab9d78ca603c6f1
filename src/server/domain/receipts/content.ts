import type { ReceiptLanguage } from '../../../shared/schemas/receipts';
import type { ContactRow } from '../../db/repositories/contacts';
import type { GiftRow } from '../../db/repositories/gifts';
import type { OrganizationRow } from '../../db/repositories/organizations';
import type { postalAddressOf } from '../../db/repositories/receipts';
import type { GiftSettingsView } from '../gift-settings/gift-settings';

/** A gift as a receipt prints it; `amount` null means no value is printed (unvalued goods). */
export type ReceiptGiftLine = {
  giftId: string;
  kind: GiftRow['kind'];
  receivedOn: string;
  currency: string;
  amount: number | null;
  designation: string[];
  goods?: { description: string; condition: string | null };
  service?: { hours: number; description: string };
};

/** What a receipt printed, kept so that every copy prints the same. */
export type ReceiptContent = {
  number: string;
  language: ReceiptLanguage;
  issuedOn: string;
  organization: {
    name: string;
    legalName: string | null;
    registrationNumber: string | null;
    address: string | null;
    signatoryName: string | null;
    signatoryTitle: string | null;
    closingText: string | null;
  };
  donor: { name: string; address: string[] };
  gift?: ReceiptGiftLine;
  correction?: {
    replacesNumber: string;
    adjustment: 'refund' | 'correction';
    currency: string;
    originalAmount: number;
    change: number;
    newAmount: number;
    reason: string | null;
  };
  statementYear?: number;
  lines?: ReceiptGiftLine[];
  totals?: { currency: string; amount: number }[];
};

/**
 * A receipt's printed number: R-year-sequence, the sequence at least four digits.
 * @example receiptNumber(2026, 7) // "R-2026-0007"
 */
export const receiptNumber = (year: number, n: number) => `R-${year}-${String(n).padStart(4, '0')}`;

/** The organization as its receipts present it (its settings' receipt fields). */
export function organizationBlock(
  org: OrganizationRow,
  settings: GiftSettingsView,
): ReceiptContent['organization'] {
  return { name: org.name, ...settings.receipt };
}

/** The donor as printed: name and postal address lines. */
export function donorBlock(
  contact: ContactRow,
  address: Awaited<ReturnType<typeof postalAddressOf>>,
): ReceiptContent['donor'] {
  const lines = address
    ? [
        address.line1,
        address.line2,
        [address.postalCode, address.city].filter(Boolean).join(' '),
        address.region,
        address.country,
      ].filter((l): l is string => Boolean(l))
    : [];
  return { name: contact.name, address: lines };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * A gift as a receipt line at its net amount. Goods print the value the organization set (the
 * gift's amount is its fair-market value) and never the donor's own figure; without one, no
 * value at all. Pro-bono work prints its hours and description.
 */
export function giftLine(
  gift: Pick<GiftRow, 'id' | 'kind' | 'receivedOn' | 'currency' | 'details'>,
  net: number | null,
  designation: string[],
): ReceiptGiftLine {
  const d = gift.details;
  const line: ReceiptGiftLine = {
    giftId: gift.id,
    kind: gift.kind,
    receivedOn: gift.receivedOn,
    currency: gift.currency,
    amount: net,
    designation,
  };
  if (gift.kind === 'in_kind') {
    line.goods = {
      description: text(d.description),
      condition: typeof d.condition === 'string' ? d.condition : null,
    };
    if (d.fairMarketValue == null) line.amount = null;
  }
  if (gift.kind === 'pro_bono')
    line.service = { hours: Number(d.hours ?? 0), description: text(d.description) };
  return line;
}
