import type { DonationTemplateData } from './donations/types';
import type { ThanksTemplateData } from './thanks/types';
import type { ImpactTemplateData } from './impact/types';

/** The languages Tend writes email in; any other falls back to English. */
export const emailLanguages = ['en', 'es', 'lt', 'uk'] as const;

/** One of the languages Tend writes email in. */
export type EmailLanguage = (typeof emailLanguages)[number];

/** The data each outgoing email needs, by template. */
export type TemplateData = ThanksTemplateData &
  DonationTemplateData &
  ImpactTemplateData & {
    /** To the requester when a request is created (by email or the portal). */
    request_received: {
      reference: string;
      subject: string;
      organizationName: string;
      requesterName?: string | null;
      /** The promised first response, or null when no promise applies. */
      promisedBy: Date | null;
      /** The organization's time zone, in which the promise is written. */
      timeZone: string;
      /** The request on the organization's portal (sign-in needed), when known. */
      portalLink?: string;
    };
    /** To the requester when staff answer. */
    staff_reply: {
      reference: string;
      subject: string;
      replyText: string;
      agentName: string;
      organizationName: string;
      /** The request on the organization's portal (sign-in needed), when known. */
      portalLink?: string;
    };
    /** To the requester when a request is solved. */
    request_solved: {
      reference: string;
      subject: string;
      organizationName: string;
      requesterName?: string | null;
      /** How many days a reply reopens the request (the organization's reopen window). */
      reopenDays: number;
      /** The request on the organization's portal (sign-in needed), when known. */
      portalLink?: string;
    };
    /** To a team's members and backup addresses when its line reaches the threshold. */
    team_line_alert: { teamName: string; waiting: number; threshold: number; link: string };
    /** To the staff member a request is assigned to, when its requester writes. */
    requester_wrote: {
      reference: string;
      subject: string;
      requesterName: string;
      text: string;
      link: string;
      organizationName: string;
    };
    /** To a requester who asked to sign in to the portal. */
    portal_sign_in: { organizationName: string; link: string; expiresInMinutes: number };
  };

/** The name of an outgoing email template. */
export type TemplateName = keyof TemplateData;

/** A piece of a paragraph: text (line breaks kept) or a link, shown as its URL in plain text. */
export type Inline = string | { href: string; label?: string };

/** A paragraph of an email body; `muted` for the small print at the end. */
export type Paragraph = { parts: Inline[]; muted?: boolean };

/** An email before it is rendered to text and HTML. */
export type EmailContent = { subject: string; paragraphs: Paragraph[] };

/** Plural forms by CLDR category; `#` stands for the formatted number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Language-aware formatting the texts use. */
export type Formatters = {
  /** A date and time in the given time zone, as the language writes it after its "by". */
  when(date: Date, timeZone: string): string;
  /** A count with the noun phrase in the right plural form: "3 people" / "3 žmonės". */
  count(n: number, forms: PluralForms): string;
  /** A sentence ended with a full stop, unless it ends with one already ("… 2:58 a.m."). */
  sentence(text: string): string;
};

/** One language's texts: a function per template, and how it writes dates. */
export type Catalog = {
  dateTime: Intl.DateTimeFormatOptions;
  templates: { [T in TemplateName]: (data: TemplateData[T], f: Formatters) => EmailContent };
};

/** A rendered email: subject, plain text and HTML, and the language actually used. */
export type RenderedEmail = {
  subject: string;
  text: string;
  html: string;
  language: EmailLanguage;
};
