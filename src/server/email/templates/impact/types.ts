import { formatMoney } from '../../../domain/gifts/money';
import type { ImpactReport } from '../../../domain/impact/report';
import type { EmailContent, Paragraph } from '../types';

/** The data of the impact report email. */
export type ImpactTemplateData = {
  /** A donor's impact report: their gifts, where each went, and what the programs did. */
  impact_report: { report: ImpactReport; organizationName: string };
};

/** One language's words of the impact report email. */
export type ImpactWords = {
  locale: string;
  subject: (organization: string) => string;
  hello: (name: string) => string;
  intro: (from: string, to: string, organization: string) => string;
  yourGifts: string;
  whereMostNeeded: string;
  noGifts: string;
  whatTheyDid: string;
  period: (from: string, to: string) => string;
  closing: (organization: string) => string;
};

/**
 * Writes the impact report email from the report (already in the donor's language): the gifts
 * with their allocations, then each program's updates with their stories and figures.
 */
export function impactEmail(w: ImpactWords, d: ImpactTemplateData['impact_report']): EmailContent {
  const r = d.report;
  const days = new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const day = (iso: string) => days.format(new Date(`${iso}T00:00:00Z`));
  const num = new Intl.NumberFormat(w.locale);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, w.locale);
  const giftLines = r.gifts.map((g) => {
    const where = g.whereMostNeeded
      ? w.whereMostNeeded
      : g.allocations
          .map(
            (a) =>
              `${a.fundName}${a.programName ? ` (${a.programName})` : ''}: ${money(a.amount, g.currency)}`,
          )
          .join('; ');
    const amount = g.amount === null ? '' : ` ${money(g.amount, g.currency)}`;
    return `• ${day(g.receivedOn)}:${amount} — ${where}`;
  });
  const paragraphs: Paragraph[] = [
    { parts: [w.hello(r.contact.name)] },
    { parts: [w.intro(day(r.from), day(r.to), d.organizationName)] },
    { parts: [`${w.yourGifts}\n${giftLines.length ? giftLines.join('\n') : w.noGifts}`] },
  ];
  const withUpdates = r.programs.filter((p) => p.updates.length);
  if (withUpdates.length) paragraphs.push({ parts: [w.whatTheyDid] });
  for (const p of withUpdates)
    for (const u of p.updates) {
      paragraphs.push({
        parts: [`${p.name} — ${u.title} (${w.period(day(u.periodFrom), day(u.periodTo))})`],
      });
      for (const text of u.story.split(/\r?\n\s*\r?\n/).filter((s) => s.trim()))
        paragraphs.push({ parts: [text.trim()] });
      if (u.figures.length)
        paragraphs.push({
          parts: [
            u.figures
              .map((f) => `• ${f.label}: ${num.format(f.value)}${f.unit ? ` ${f.unit}` : ''}`)
              .join('\n'),
          ],
        });
    }
  paragraphs.push({ parts: [w.closing(d.organizationName)] });
  return { subject: w.subject(d.organizationName), paragraphs };
}
