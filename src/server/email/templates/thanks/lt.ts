import { paragraphsOf, type ThanksTexts } from './types';

const body = `Gerb. {{firstName}},

nuoširdžiai dėkojame už Jūsų paramą ({{kind}}, {{amount}}), gautą {{date}}. Paskirtis: {{fund}}.

Tokia parama kaip Jūsų įgalina mūsų darbą, o mes papasakosime, ką ji padėjo nuveikti.

Su dėkingumu
{{organization}}`;

/** Lithuanian texts of thank-yous and tributes. */
export const lt: ThanksTexts = {
  templates: {
    gift_thanks: (d) => ({ subject: d.subject, paragraphs: paragraphsOf(d.body) }),
    tribute_notice: (d) => {
      const own = d.toHonoree && d.type === 'in_honour';
      const why = d.type === 'in_honour' ? 'pagerbti' : 'atminti';
      return {
        subject: own ? 'Parama, skirta Jums pagerbti' : `Parama, skirta ${why}: ${d.honoreeName}`,
        paragraphs: [
          { parts: [d.recipientName ? `Gerb. ${d.recipientName},` : 'Laba diena,'] },
          {
            parts: [
              `${d.donorName} skyrė paramą organizacijai „${d.organizationName}“. ${own ? 'Parama skirta Jums pagerbti.' : `Parama skirta ${why}: ${d.honoreeName}.`}`,
            ],
          },
          {
            parts: [
              d.type === 'in_memory'
                ? 'Norėjome, kad tai žinotumėte. Nuoširdžiai užjaučiame.'
                : 'Norėjome, kad tai žinotumėte, ir dėkojame, kad įkvepiate tokį dosnumą.',
            ],
          },
          { parts: [`Pagarbiai\n${d.organizationName}`] },
        ],
      };
    },
  },
  defaults: {
    email: { subject: 'Ačiū, {{firstName}}!', body },
    letter: { subject: 'Padėka už paramą', body },
  },
  kinds: {
    one_time: 'vienkartinė parama',
    recurring: 'periodinė parama',
    pledge: 'pažadas paremti',
    in_kind: 'parama daiktais',
    pro_bono: 'pro bono paslaugos',
    grant: 'dotacija',
    sponsorship: 'rėmimas',
    bequest_intention: 'testamentinis ketinimas',
  },
  noFund: 'ten, kur labiausiai reikia',
};
