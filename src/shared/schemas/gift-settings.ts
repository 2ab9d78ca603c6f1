import { z } from 'zod';
import { currency, money } from './gifts';

/** What a receipt prints about the organization, each with its length limit. */
export const receiptFieldLimits = {
  legalName: 200,
  registrationNumber: 100,
  address: 500,
  signatoryName: 200,
  signatoryTitle: 200,
  closingText: 1000,
} as const;

/** How donors pay offline (the offline payment provider's instructions), with limits. */
export const paymentFieldLimits = {
  accountName: 200,
  iban: 34,
  bic: 11,
  bankName: 200,
  chequePayableTo: 200,
  cashAt: 500,
} as const;

/** A receipt field's name. */
export type ReceiptField = keyof typeof receiptFieldLimits;
/** A payment field's name. */
export type PaymentField = keyof typeof paymentFieldLimits;

/** Optional text: trimmed; empty or null means "not set". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * Whether an IBAN's check digits hold (ISO 13616 mod 97), spaces ignored.
 * @example validIban('LT60 1010 0123 4567 8901') // true
 */
export function validIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

const iban = z
  .string()
  .max(42)
  .nullish()
  .transform((v) => (v ? v.replace(/\s+/g, '').toUpperCase() : null))
  .refine((v) => v === null || validIban(v), 'not a valid IBAN (check digits do not match)');

const bic = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v.toUpperCase() : null))
  .refine(
    (v) => v === null || /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v),
    'a BIC of 8 or 11 characters',
  );

/** The receipt texts of PUT /gift-settings (fields left out are cleared). */
export const receiptSettingsInput = z.strictObject({
  legalName: optionalText(receiptFieldLimits.legalName).optional(),
  registrationNumber: optionalText(receiptFieldLimits.registrationNumber).optional(),
  address: optionalText(receiptFieldLimits.address).optional(),
  signatoryName: optionalText(receiptFieldLimits.signatoryName).optional(),
  signatoryTitle: optionalText(receiptFieldLimits.signatoryTitle).optional(),
  closingText: optionalText(receiptFieldLimits.closingText).optional(),
});

/** The offline payment details of PUT /gift-settings (fields left out are cleared). */
export const paymentSettingsInput = z.strictObject({
  accountName: optionalText(paymentFieldLimits.accountName).optional(),
  iban: iban.optional(),
  bic: bic.optional(),
  bankName: optionalText(paymentFieldLimits.bankName).optional(),
  chequePayableTo: optionalText(paymentFieldLimits.chequePayableTo).optional(),
  cashAt: optionalText(paymentFieldLimits.cashAt).optional(),
});

/** Body of PUT /gift-settings: the whole settings (send If-Match with the version read). */
export const giftSettingsInput = z.strictObject({
  currency,
  majorGiftAmount: money
    .nullable()
    .describe('Minor units in `currency` from which a gift is a major gift; null = none'),
  receipt: receiptSettingsInput.default({}),
  payment: paymentSettingsInput.default({}),
});
/** Gift settings to store. */
export type GiftSettingsInput = z.infer<typeof giftSettingsInput>;
