import type { GiftKind } from '../../../../shared/gifts';
import type { EmailContent, Formatters } from '../types';

/** The data of the donor-facing emails of thank-yous and tributes, by template. */
export type ThanksTemplateData = {
  /** A thank-you as the organization wrote it (a template with its merge fields filled in). */
  gift_thanks: { subject: string; body: string; organizationName: string };
  /** To the person a tribute gift names to notify: who gave, in whose honour or memory. */
  tribute_notice: {
    type: 'in_honour' | 'in_memory';
    donorName: string;
    honoreeName: string;
    recipientName: string | null;
    /** The notified person is the one honoured ("in your honour"). */
    toHonoree: boolean;
    organizationName: string;
  };
};

/** A thank-you template's text: a subject (a letter's heading) and a body with merge fields. */
export type ThanksText = { subject: string; body: string };

/** One language's texts for thanks: the emails, the built-in templates and the merge words. */
export type ThanksTexts = {
  templates: {
    [T in keyof ThanksTemplateData]: (data: ThanksTemplateData[T], f: Formatters) => EmailContent;
  };
  /** The built-in `default` template, used when the organization wrote none in this language. */
  defaults: Record<'email' | 'letter', ThanksText>;
  /** {{kind}}: what the gift is called in a sentence ("one-time gift"). */
  kinds: Record<GiftKind, string>;
  /** {{fund}} of a gift designated to no fund. */
  noFund: string;
};

/** Paragraphs of a written text: split at blank lines, line breaks kept within. */
export const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ parts: [p] }));
