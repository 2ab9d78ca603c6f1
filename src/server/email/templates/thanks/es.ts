import { paragraphsOf, type ThanksTexts } from './types';

const body = `Estimado/a {{firstName}}:

Gracias por su {{kind}} de {{amount}}, que recibimos el {{date}}. Destino: {{fund}}.

Aportaciones como la suya hacen posible nuestro trabajo, y le contaremos lo que la suya ayuda a lograr.

Con gratitud,
{{organization}}`;

/** Spanish texts of thank-yous and tributes. */
export const es: ThanksTexts = {
  templates: {
    gift_thanks: (d) => ({ subject: d.subject, paragraphs: paragraphsOf(d.body) }),
    tribute_notice: (d) => {
      const why = d.type === 'in_honour' ? 'en honor de' : 'en memoria de';
      const own = d.toHonoree && d.type === 'in_honour';
      return {
        subject: own ? 'Una donación en su honor' : `Una donación ${why} ${d.honoreeName}`,
        paragraphs: [
          { parts: [d.recipientName ? `Estimado/a ${d.recipientName}:` : 'Hola:'] },
          {
            parts: [
              `${d.donorName} ha hecho una donación a ${d.organizationName} ${own ? 'en su honor' : `${why} ${d.honoreeName}`}.`,
            ],
          },
          {
            parts: [
              d.type === 'in_memory'
                ? 'Queríamos que lo supiera. Le acompañamos en el sentimiento.'
                : 'Queríamos que lo supiera y agradecerle que inspire tanta generosidad.',
            ],
          },
          { parts: [`Un cordial saludo,\n${d.organizationName}`] },
        ],
      };
    },
  },
  defaults: {
    email: { subject: 'Gracias, {{firstName}}', body },
    letter: { subject: 'Gracias por su donación', body },
  },
  kinds: {
    one_time: 'donación',
    recurring: 'donación periódica',
    pledge: 'promesa de donación',
    in_kind: 'donación en especie',
    pro_bono: 'servicio pro bono',
    grant: 'subvención',
    sponsorship: 'patrocinio',
    bequest_intention: 'intención de legado',
  },
  noFund: 'donde más se necesita',
};
