import { describe, expect, it } from 'vitest';
import { emailLanguage, renderEmail } from './index';
import type { TemplateData, TemplateName } from './types';
import { impactSample } from './impact/sample';

const promisedBy = new Date('2026-11-24T08:58:00Z');

const samples: { [T in TemplateName]: TemplateData[T] } = {
  request_received: {
    reference: 'R-1042',
    subject: 'Food parcel for Thursday',
    organizationName: 'Vilnius Food Bank',
    requesterName: 'Ana',
    promisedBy,
    timeZone: 'Europe/Vilnius',
  },
  staff_reply: {
    reference: 'R-1042',
    subject: 'Food parcel for Thursday',
    replyText: 'Your parcel is ready.\n\nYou can collect it on Thursday.',
    agentName: 'Rūta Kazlauskienė',
    organizationName: 'Vilnius Food Bank',
  },
  request_solved: {
    reference: 'R-1042',
    subject: 'Food parcel for Thursday',
    organizationName: 'Vilnius Food Bank',
    reopenDays: 7,
  },
  team_line_alert: {
    teamName: 'Parcels',
    waiting: 12,
    threshold: 10,
    link: 'https://tend.example/teams/t1/line',
  },
  requester_wrote: {
    reference: 'R-1042',
    subject: 'Food parcel for Thursday',
    requesterName: 'Ana <script>',
    text: 'Can I come on Friday instead?',
    link: 'https://tend.example/app/requests/r1',
    organizationName: 'Vilnius Food Bank',
  },
  portal_sign_in: {
    organizationName: 'Vilnius Food Bank',
    link: 'https://tend.example/portal/sign-in?token=abc',
    expiresInMinutes: 15,
  },
  gift_thanks: {
    subject: 'Thank you, Ana',
    body: 'Dear Ana,\n\nThank you for your gift of €25.00.',
    organizationName: 'Vilnius Food Bank',
  },
  tribute_notice: {
    type: 'in_memory',
    donorName: 'Ana',
    honoreeName: 'Jonas',
    recipientName: 'Rūta',
    toHonoree: false,
    organizationName: 'Vilnius Food Bank',
  },
  donation_instructions: {
    donorName: 'Ana',
    organizationName: 'Vilnius Food Bank',
    kind: 'recurring',
    frequency: 'monthly',
    installments: null,
    fundName: 'Food parcels',
    instructions: {
      method: 'bank_transfer',
      reference: 'D-2026-0003',
      amount: 2500,
      currency: 'EUR',
      accountName: 'Vilnius Food Bank',
      iban: 'LT12 1000 0111 0100 1000',
      bic: 'TESTLT22',
      bankName: null,
      payableTo: null,
      cashAt: null,
    },
    portalLink: 'https://tend.example/p/food/giving',
  },
  impact_report: impactSample,
};

const templates = Object.keys(samples) as TemplateName[];
const cases = templates.flatMap((t) => ['en', 'es', 'lt', 'uk'].map((l) => [t, l] as const));
const render = <T extends TemplateName>(t: T, language: string, data: TemplateData[T]) =>
  renderEmail(t, language, data);

describe('outgoing email templates', () => {
  it.each(cases)('renders %s in %s', (template, language) => {
    const email = render(template, language, samples[template]);
    expect(email.language).toBe(language);
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(/\{\{|\}\}|undefined|null|NaN|\[object/);
    }
    expect(`${email.subject}${email.text}`).not.toContain('#'); // plural placeholders all filled
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.text).not.toMatch(/<[a-z]/i);
    expect(email.html).toContain(`<html lang="${language}">`);
    if ('reference' in samples[template]) expect(email.subject).toMatch(/^\[R-1042\] /);
    if ('link' in samples[template]) {
      const link = (samples[template] as { link: string }).link;
      expect(email.text).toContain(link);
      expect(email.html).toContain(`href="${link.replace('&', '&amp;')}"`);
    }
  });

  it('writes the plain text on its own, paragraph by paragraph', () => {
    const email = render('staff_reply', 'en', samples.staff_reply);
    expect(email.subject).toBe('[R-1042] Food parcel for Thursday');
    expect(email.text).toBe(
      'Your parcel is ready.\n\nYou can collect it on Thursday.\n\nRūta Kazlauskienė\nVilnius Food Bank\n\nReference: R-1042. To answer, simply reply to this email.\n',
    );
  });

  it('escapes every value in the HTML and keeps it as written in the text', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const email = render('staff_reply', 'lt', {
      ...samples.staff_reply,
      subject: hostile,
      agentName: hostile,
      replyText: `<b>bold?</b> ${hostile}`,
      organizationName: `"Quotes" & 'apostrophes'`,
    });
    expect(email.html).not.toMatch(/<script|<img|<b>/);
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(email.html).toContain('&quot;Quotes&quot; &amp; &#39;apostrophes&#39;');
    expect(email.text).toContain(hostile);
    expect(email.subject).toBe(`[R-1042] ${hostile}`);
  });

  it('keeps a subject on one line whatever the request subject holds', () => {
    const email = render('request_solved', 'en', {
      ...samples.request_solved,
      subject: 'Help\r\nBcc: everyone@example.org',
    });
    expect(email.subject).toBe(
      '[R-1042] Your request has been solved: Help Bcc: everyone@example.org',
    );
  });

  it('refuses a link that is not http(s)', () => {
    expect(() =>
      render('portal_sign_in', 'en', { ...samples.portal_sign_in, link: 'javascript:alert(1)' }),
    ).toThrow(/http/);
  });

  it('falls back from a regional tag to its language, and from unknown ones to English', () => {
    expect(emailLanguage('es-MX')).toBe('es');
    expect(emailLanguage('LT')).toBe('lt');
    expect(emailLanguage('uk_UA')).toBe('uk');
    expect(emailLanguage('pt-BR')).toBe('en');
    expect(emailLanguage('')).toBe('en');
    expect(emailLanguage(null)).toBe('en');
    expect(render('portal_sign_in', 'es-MX', samples.portal_sign_in).language).toBe('es');
    expect(render('portal_sign_in', 'de', samples.portal_sign_in).subject).toBe(
      'Your sign-in link for Vilnius Food Bank',
    );
    expect(render('portal_sign_in', 'not a tag!', samples.portal_sign_in).language).toBe('en');
  });
});
