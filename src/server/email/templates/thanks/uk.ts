import { paragraphsOf, type ThanksTexts } from './types';

const body = `Шановний(-а) {{firstName}}!

Щиро дякуємо за вашу підтримку ({{kind}}, {{amount}}), отриману {{date}}. Призначення: {{fund}}.

Саме така підтримка робить нашу роботу можливою, і ми розповімо вам, чого вона допомогла досягти.

З вдячністю,
{{organization}}`;

/** Ukrainian texts of thank-yous and tributes. */
export const uk: ThanksTexts = {
  templates: {
    gift_thanks: (d) => ({ subject: d.subject, paragraphs: paragraphsOf(d.body) }),
    tribute_notice: (d) => {
      const own = d.toHonoree && d.type === 'in_honour';
      const why = d.type === 'in_honour' ? 'на честь' : 'в пам’ять';
      return {
        subject: own ? 'Пожертва на вашу честь' : `Пожертва ${why}: ${d.honoreeName}`,
        paragraphs: [
          { parts: [d.recipientName ? `Шановний(-а) ${d.recipientName}!` : 'Добрий день!'] },
          {
            parts: [
              `${d.donorName} зробив(-ла) пожертву організації «${d.organizationName}». ${own ? 'Її зроблено на вашу честь.' : `Її зроблено ${why}: ${d.honoreeName}.`}`,
            ],
          },
          {
            parts: [
              d.type === 'in_memory'
                ? 'Ми хотіли, щоб ви про це знали. Щиро співчуваємо.'
                : 'Ми хотіли, щоб ви про це знали, і дякуємо, що надихаєте на таку щедрість.',
            ],
          },
          { parts: [`З повагою,\n${d.organizationName}`] },
        ],
      };
    },
  },
  defaults: {
    email: { subject: 'Дякуємо, {{firstName}}!', body },
    letter: { subject: 'Подяка за вашу підтримку', body },
  },
  kinds: {
    one_time: 'разовий внесок',
    recurring: 'регулярний внесок',
    pledge: 'обіцянка внеску',
    in_kind: 'речова допомога',
    pro_bono: 'безоплатні послуги',
    grant: 'грант',
    sponsorship: 'спонсорство',
    bequest_intention: 'намір заповіту',
  },
  noFund: 'туди, де найбільше потрібно',
};
