import { donationTemplates } from './donations';
import { impactTemplates } from './impact';
import { lt as thanksLt } from './thanks/lt';
import type { Catalog } from './types';

// Names are not put in the vocative ("Šarūnai") or other cases: greetings and sentences are
// written so that the requester's and the organization's names stay in the nominative.

// Accusative of duration: "per 1 dieną", "per 3 dienas", "per 10 dienų", "per 21 dieną".
const days = { one: '# dieną', few: '# dienas', many: '# dienos', other: '# dienų' };
const minutes = { one: '# minutę', few: '# minutes', many: '# minutės', other: '# minučių' };
const people = { one: '# žmogus', few: '# žmonės', many: '# žmogaus', other: '# žmonių' };

/** Lithuanian (jūs, as the public form speaks). */
export const lt: Catalog = {
  // No weekday: "iki 2026 m. lapkričio 24 d. 10:58" reads naturally after "iki".
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  templates: {
    ...thanksLt.templates,
    ...donationTemplates('lt'),
    ...impactTemplates('lt'),
    request_received: (d, f) => ({
      subject: `[${d.reference}] Gavome jūsų prašymą: ${d.subject}`,
      paragraphs: [
        { parts: ['Sveiki,'] },
        {
          parts: [
            `Dėkojame, kad parašėte. Gavome jūsų prašymą „${d.subject}“ ir suteikėme jam numerį ${d.reference}.`,
          ],
        },
        {
          parts: [
            d.promisedBy
              ? f.sentence(`Pirmąjį atsakymą atsiųsime iki ${f.when(d.promisedBy, d.timeZone)}`)
              : 'Atsakysime kuo greičiau.',
          ],
        },
        {
          parts: [
            'Jei norite ką nors papildyti – parašyti daugiau, atsiųsti dokumentą ar nuotrauką, – tiesiog atsakykite į šį laišką: jūsų atsakymas bus pridėtas prie prašymo.',
          ],
        },
        ...(d.portalLink
          ? [{ parts: ['Sekite savo prašymą internetu: ', { href: d.portalLink }] }]
          : []),
        { parts: [`Pagarbiai\n${d.organizationName}`] },
      ],
    }),
    staff_reply: (d) => ({
      subject: `[${d.reference}] ${d.subject}`,
      paragraphs: [
        { parts: [d.replyText.trim()] },
        { parts: [`${d.agentName}\n${d.organizationName}`] },
        {
          parts: [
            `Prašymo numeris ${d.reference}. Norėdami atsakyti, tiesiog atsakykite į šį laišką.`,
          ],
          muted: true,
        },
        ...(d.portalLink
          ? [{ parts: ['Sekite savo prašymą internetu: ', { href: d.portalLink }], muted: true }]
          : []),
      ],
    }),
    request_solved: (d, f) => ({
      subject: `[${d.reference}] Jūsų prašymas išspręstas: ${d.subject}`,
      paragraphs: [
        { parts: ['Sveiki,'] },
        { parts: [`Jūsų prašymą „${d.subject}“ (${d.reference}) pažymėjome kaip išspręstą.`] },
        {
          parts: [
            `Jei kas nors vis dar ne taip, atsakykite į šį laišką per ${f.count(d.reopenDays, days)}, ir mes prašymą vėl atidarysime. Vėliau atsakius bus sukurtas naujas prašymas.`,
          ],
        },
        { parts: [`Pagarbiai\n${d.organizationName}`] },
      ],
    }),
    requester_wrote: (d) => ({
      subject: `[${d.reference}] Rašo ${d.requesterName}: ${d.subject}`,
      paragraphs: [
        { parts: [d.text.trim()] },
        { parts: [`Atidaryti Tend: `, { href: d.link }] },
        {
          parts: [
            'Atsakykite į šį laišką ir atsakymas bus išsiųstas organizacijos vardu tame pačiame pokalbyje.',
          ],
          muted: true,
        },
      ],
    }),
    team_line_alert: (d, f) => ({
      subject: `[${d.teamName}] ${f.count(d.waiting, people)} laukia eilėje (riba: ${d.threshold})`,
      paragraphs: [
        {
          parts: [
            `Komandos „${d.teamName}“ eilėje pirmojo atsakymo laukia ${f.count(d.waiting, people)}. Įspėjimo riba – ${d.threshold}.`,
          ],
        },
        { parts: ['Gal kas nors galėtų atidaryti dar vieną langelį? Eilė: ', { href: d.link }] },
      ],
    }),
    portal_sign_in: (d, f) => ({
      subject: `Prisijungimo nuoroda: ${d.organizationName}`,
      paragraphs: [
        { parts: ['Sveiki,'] },
        {
          parts: [
            `Prisijunkite prie portalo „${d.organizationName}“ šia nuoroda:\n`,
            { href: d.link, label: 'Prisijungti' },
          ],
        },
        { parts: [`Nuoroda galioja ${f.count(d.expiresInMinutes, minutes)}.`] },
        { parts: ['Jei prisijungti neprašėte, šį laišką galite ignoruoti.'], muted: true },
      ],
    }),
  },
};
