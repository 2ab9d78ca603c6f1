import { paragraphsOf, type ThanksTexts } from './types';

const body = `Dear {{firstName}},

Thank you for your {{kind}} of {{amount}}, received on {{date}}. It goes to {{fund}}.

Gifts like yours are what make our work possible, and we will let you know what yours helps to achieve.

With gratitude,
{{organization}}`;

/** English texts of thank-yous and tributes. */
export const en: ThanksTexts = {
  templates: {
    gift_thanks: (d) => ({ subject: d.subject, paragraphs: paragraphsOf(d.body) }),
    tribute_notice: (d) => {
      const why = d.type === 'in_honour' ? 'in honour of' : 'in memory of';
      const whom =
        d.toHonoree && d.type === 'in_honour' ? 'in your honour' : `${why} ${d.honoreeName}`;
      return {
        subject:
          d.toHonoree && d.type === 'in_honour'
            ? 'A gift in your honour'
            : `A gift ${why} ${d.honoreeName}`,
        paragraphs: [
          { parts: [d.recipientName ? `Dear ${d.recipientName},` : 'Hello,'] },
          { parts: [`${d.donorName} has made a gift to ${d.organizationName} ${whom}.`] },
          {
            parts: [
              d.type === 'in_memory'
                ? 'We wanted you to know, and we share in your loss.'
                : 'We wanted you to know, and to thank you for inspiring such generosity.',
            ],
          },
          { parts: [`Kind regards,\n${d.organizationName}`] },
        ],
      };
    },
  },
  defaults: {
    email: { subject: 'Thank you, {{firstName}}', body },
    letter: { subject: 'Thank you for your gift', body },
  },
  kinds: {
    one_time: 'gift',
    recurring: 'recurring gift',
    pledge: 'pledge',
    in_kind: 'gift in kind',
    pro_bono: 'pro bono service',
    grant: 'grant',
    sponsorship: 'sponsorship',
    bequest_intention: 'intended bequest',
  },
  noFund: 'where it is needed most',
};
