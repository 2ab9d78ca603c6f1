import type { DonationKind } from '../../../../shared/schemas/donations';
import { formatMoney } from '../../../domain/gifts/money';
import type { Instructions } from '../../../domain/donations/providers';
import { signInLinkMinutes } from '../../../domain/portal/portal';
import type { EmailContent, Paragraph } from '../types';

/** The data of the donor-facing emails of portal gifts, by template. */
export type DonationTemplateData = {
  /** To a donor who offered a gift or pledge: how to pay, and the reference to quote. */
  donation_instructions: {
    donorName: string;
    organizationName: string;
    kind: DonationKind;
    frequency: string | null;
    installments: number | null;
    fundName: string | null;
    instructions: Instructions;
    /** The donor's giving on the portal (sign-in by emailed link). */
    portalLink: string;
    /** A pledge from the public form: not recorded until confirmed (portalLink signs in once). */
    confirm?: boolean;
  };
};

/** One language's words for the instructions email. */
export type DonationWords = {
  locale: string;
  hello(name: string): string;
  subject(organization: string, reference: string, pledge: boolean): string;
  /** "Thank you for offering a monthly gift of €25.00 to …" */
  thanks(d: { what: string; organization: string; fund: string | null }): string;
  /** What is offered: "a gift of €25.00", "a monthly gift of …", "a pledge of …". */
  what(
    kind: DonationKind,
    amount: string,
    frequency: string | null,
    installments: number | null,
  ): string;
  transfer(amount: string): string;
  labels: { accountName: string; iban: string; bic: string; bankName: string; reference: string };
  quote: string;
  cheque(amount: string, payableTo: string, reference: string): string;
  cash(amount: string, at: string, reference: string): string;
  afterwards(pledge: boolean): string;
  online: string;
  /** Asks to confirm a pledge made on the public form, by the link (valid for some minutes). */
  confirm(minutes: number): string;
  notYou: string;
  regards(organization: string): string;
};

/** Builds the instructions email in one language from its words. */
export function donationEmail(
  w: DonationWords,
  d: DonationTemplateData['donation_instructions'],
): EmailContent {
  const i = d.instructions;
  const amount = formatMoney(i.amount, i.currency, w.locale);
  const pledge = d.kind === 'pledge';
  const how: Paragraph[] = [];
  if (i.method === 'bank_transfer') {
    const lines = [
      i.accountName && `${w.labels.accountName}: ${i.accountName}`,
      i.iban && `${w.labels.iban}: ${i.iban.replace(/(.{4})(?=.)/g, '$1 ')}`,
      i.bic && `${w.labels.bic}: ${i.bic}`,
      i.bankName && `${w.labels.bankName}: ${i.bankName}`,
      `${w.labels.reference}: ${i.reference}`,
    ].filter(Boolean);
    how.push({ parts: [w.transfer(amount)] }, { parts: [lines.join('\n')] }, { parts: [w.quote] });
  } else if (i.method === 'cheque') {
    how.push({ parts: [w.cheque(amount, i.payableTo ?? '', i.reference)] });
  } else {
    how.push({ parts: [w.cash(amount, i.cashAt ?? '', i.reference)] });
  }
  return {
    subject: w.subject(d.organizationName, i.reference, pledge),
    paragraphs: [
      { parts: [w.hello(d.donorName)] },
      {
        parts: [
          w.thanks({
            what: w.what(d.kind, amount, d.frequency, d.installments),
            organization: d.organizationName,
            fund: d.fundName,
          }),
        ],
      },
      ...how,
      ...(d.confirm
        ? [{ parts: [`${w.confirm(signInLinkMinutes)} `, { href: d.portalLink }] }]
        : [{ parts: [w.afterwards(pledge)] }, { parts: [`${w.online} `, { href: d.portalLink }] }]),
      { parts: [w.regards(d.organizationName)] },
      { parts: [w.notYou], muted: true },
    ],
  };
}
