import { donationTemplates } from './donations';
import { impactTemplates } from './impact';
import { es as thanksEs } from './thanks/es';
import type { Catalog } from './types';

const days = { one: '# día', other: '# días' };

/** Spanish (usted, as the public form speaks). */
export const es: Catalog = {
  dateTime: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  },
  templates: {
    ...thanksEs.templates,
    ...donationTemplates('es'),
    ...impactTemplates('es'),
    request_received: (d, f) => ({
      subject: `[${d.reference}] Hemos recibido su solicitud: ${d.subject}`,
      paragraphs: [
        { parts: [d.requesterName ? `Hola, ${d.requesterName}:` : 'Hola:'] },
        {
          parts: [
            `Gracias por ponerse en contacto con ${d.organizationName}. Hemos recibido su solicitud «${d.subject}» y le hemos asignado la referencia ${d.reference}.`,
          ],
        },
        {
          parts: [
            d.promisedBy
              ? `A más tardar el ${f.when(d.promisedBy, d.timeZone)}, le enviaremos una primera respuesta.`
              : 'Le responderemos lo antes posible.',
          ],
        },
        {
          parts: [
            'Si quiere añadir algo (más detalles, un documento o una foto), basta con responder a este correo: su respuesta se añadirá a la solicitud.',
          ],
        },
        ...(d.portalLink
          ? [{ parts: ['Siga su solicitud en línea: ', { href: d.portalLink }] }]
          : []),
        { parts: [`Un saludo,\n${d.organizationName}`] },
      ],
    }),
    staff_reply: (d) => ({
      subject: `[${d.reference}] ${d.subject}`,
      paragraphs: [
        { parts: [d.replyText.trim()] },
        { parts: [`${d.agentName}\n${d.organizationName}`] },
        {
          parts: [`Referencia: ${d.reference}. Para contestar, responda a este correo.`],
          muted: true,
        },
        ...(d.portalLink
          ? [{ parts: ['Siga su solicitud en línea: ', { href: d.portalLink }], muted: true }]
          : []),
      ],
    }),
    request_solved: (d, f) => ({
      subject: `[${d.reference}] Su solicitud está resuelta: ${d.subject}`,
      paragraphs: [
        { parts: [d.requesterName ? `Hola, ${d.requesterName}:` : 'Hola:'] },
        { parts: [`Hemos marcado como resuelta su solicitud «${d.subject}» (${d.reference}).`] },
        {
          parts: [
            `Si algo sigue sin estar bien, responda a este correo en un plazo de ${f.count(d.reopenDays, days)} y la volveremos a abrir. Pasado ese plazo, su respuesta abrirá una nueva solicitud.`,
          ],
        },
        { parts: [`Un saludo,\n${d.organizationName}`] },
      ],
    }),
    requester_wrote: (d) => ({
      subject: `[${d.reference}] ${d.requesterName} escribió: ${d.subject}`,
      paragraphs: [
        { parts: [d.text.trim()] },
        { parts: [`Ábralo en Tend: `, { href: d.link }] },
        {
          parts: [
            'Responda a este correo para contestarle: su respuesta saldrá en nombre de la organización, en la misma conversación.',
          ],
          muted: true,
        },
      ],
    }),
    team_line_alert: (d, f) => ({
      subject: `[${d.teamName}] ${f.count(d.waiting, { one: '# persona esperando', other: '# personas esperando' })} (umbral: ${d.threshold})`,
      paragraphs: [
        {
          parts: [
            `En la cola de «${d.teamName}» ${f.count(d.waiting, { one: 'hay # persona', other: 'hay # personas' })} esperando una primera respuesta. El umbral de aviso es ${d.threshold}.`,
          ],
        },
        { parts: ['¿Puede alguien abrir otra ventanilla? La cola: ', { href: d.link }] },
      ],
    }),
    portal_sign_in: (d, f) => ({
      subject: `Su enlace para entrar en ${d.organizationName}`,
      paragraphs: [
        { parts: ['Hola:'] },
        {
          parts: [
            `Use este enlace para entrar en el portal de ${d.organizationName}:\n`,
            { href: d.link, label: 'Entrar' },
          ],
        },
        {
          parts: [
            `El enlace caduca dentro de ${f.count(d.expiresInMinutes, { one: '# minuto', other: '# minutos' })}.`,
          ],
        },
        { parts: ['Si no lo ha pedido usted, puede ignorar este correo.'], muted: true },
      ],
    }),
  },
};
