import { receiptLanguages, type ReceiptLanguage } from '../../../shared/schemas/receipts';

/** A language Tend writes to donors in: receipts, thank-yous, donation emails, impact reports. */
export type DonorLanguage = ReceiptLanguage;

/** The donor-facing language of a tag ("lt-LT" → "lt"), else undefined. */
function written(tag: string | null | undefined): DonorLanguage | undefined {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return receiptLanguages.find((l) => l === base);
}

/**
 * The one rule for the language to write to a donor in, so that a gift's receipt, thank-you and
 * emails agree: the one asked for, else the contact's own, else the organization's, else English
 * (each only if Tend writes in it).
 * @example donorLanguage(undefined, { preferredLanguage: 'fr' }, { defaultLanguage: 'lt-LT' }) // "lt"
 */
export function donorLanguage(
  asked: string | null | undefined,
  contact: { preferredLanguage: string | null } | undefined,
  org: { defaultLanguage: string } | undefined,
): DonorLanguage {
  return (
    written(asked) ?? written(contact?.preferredLanguage) ?? written(org?.defaultLanguage) ?? 'en'
  );
}
