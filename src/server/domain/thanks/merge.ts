import { fillTemplate, templateVariables } from '../../../core/text/template';
import { thanksMergeFields, type GiftKind } from '../../../shared/gifts';
import type { EmailLanguage } from '../../email/templates';
import { thanksTexts } from '../../email/templates/thanks';
import { formatMoney } from '../gifts/money';

/** One merge field's name. */
export type MergeField = (typeof thanksMergeFields)[number];

/** The merge fields a text uses that thank-you templates do not know ("{{amout}}"). */
export function unknownMergeFields(text: string): string[] {
  const known: readonly string[] = thanksMergeFields;
  return [...new Set(templateVariables(text).filter((v) => !known.includes(v)))];
}

/** What the merge fields of one gift's thank-you are made from. */
export type MergeSource = {
  donor: { name: string; givenName: string | null };
  gift: {
    kind: GiftKind;
    amount: number | null;
    currency: string;
    receivedOn: string;
    details: Record<string, unknown>;
  };
  funds: string[];
  organization: string;
};

/**
 * The merge fields' values, written in the template's language: money and the date through Intl
 * in that language, the kind and "no fund" in its words. Values are plain text; the email
 * renderer escapes them in the HTML.
 * @example mergeValues(source, 'lt').amount // "25,00 €"
 */
export function mergeValues(s: MergeSource, language: EmailLanguage): Record<MergeField, string> {
  const words = thanksTexts[language];
  const description =
    typeof s.gift.details.description === 'string' ? s.gift.details.description : '';
  return {
    firstName: s.donor.givenName?.trim() || s.donor.name,
    name: s.donor.name,
    amount:
      s.gift.amount === null ? description : formatMoney(s.gift.amount, s.gift.currency, language),
    date: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${s.gift.receivedOn}T00:00:00Z`),
    ),
    fund: s.funds.length ? s.funds.join(', ') : words.noFund,
    organization: s.organization,
    kind: words.kinds[s.gift.kind],
  };
}

/** A template's subject and body with the merge fields filled in (subject kept on one line). */
export function fillThanks(
  text: { subject: string; body: string },
  values: Record<MergeField, string>,
): { subject: string; body: string } {
  return {
    subject: fillTemplate(text.subject, values).replace(/\s+/g, ' ').trim(),
    body: fillTemplate(text.body, values),
  };
}
