import { donationTemplates } from './donations';
import { impactTemplates } from './impact';
import { uk as thanksUk } from './thanks/uk';
import type { Catalog } from './types';

// Names are not put in the vocative ("Оксано") or other cases: greetings and sentences are
// written so that the requester's and the organization's names stay in the nominative.

// Genitive after "протягом": "протягом 1 дня", "2 днів", "5 днів", "21 дня", "1,5 дня".
const days = { one: '# дня', few: '# днів', many: '# днів', other: '# дня' };
const minutes = { one: '# хвилини', few: '# хвилин', many: '# хвилин', other: '# хвилини' };
const waiting = {
  one: '# людина чекає',
  few: '# людини чекають',
  many: '# людей чекають',
  other: '# людини чекають',
};

/** Ukrainian (ви, as the public form speaks). */
export const uk: Catalog = {
  // No weekday: "до 24 листопада 2026 р. о 10:58" reads naturally after "до".
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  templates: {
    ...thanksUk.templates,
    ...donationTemplates('uk'),
    ...impactTemplates('uk'),
    request_received: (d, f) => ({
      subject: `[${d.reference}] Ми отримали ваш запит: ${d.subject}`,
      paragraphs: [
        { parts: ['Добрий день!'] },
        {
          parts: [
            `Дякуємо за звернення. Ми отримали ваш запит «${d.subject}» і присвоїли йому номер ${d.reference}.`,
          ],
        },
        {
          parts: [
            d.promisedBy
              ? f.sentence(`Першу відповідь ми надішлемо до ${f.when(d.promisedBy, d.timeZone)}`)
              : 'Ми відповімо якнайшвидше.',
          ],
        },
        {
          parts: [
            'Щоб щось додати — подробиці, документ чи фото, — просто дайте відповідь на цей лист: її буде додано до вашого запиту.',
          ],
        },
        ...(d.portalLink
          ? [{ parts: ['Стежте за своїм запитом онлайн: ', { href: d.portalLink }] }]
          : []),
        { parts: [`З повагою,\n${d.organizationName}`] },
      ],
    }),
    staff_reply: (d) => ({
      subject: `[${d.reference}] ${d.subject}`,
      paragraphs: [
        { parts: [d.replyText.trim()] },
        { parts: [`${d.agentName}\n${d.organizationName}`] },
        {
          parts: [
            `Номер запиту: ${d.reference}. Щоб відповісти, просто дайте відповідь на цей лист.`,
          ],
          muted: true,
        },
        ...(d.portalLink
          ? [{ parts: ['Стежте за своїм запитом онлайн: ', { href: d.portalLink }], muted: true }]
          : []),
      ],
    }),
    request_solved: (d, f) => ({
      subject: `[${d.reference}] Ваш запит вирішено: ${d.subject}`,
      paragraphs: [
        { parts: ['Добрий день!'] },
        { parts: [`Ми позначили ваш запит «${d.subject}» (${d.reference}) як вирішений.`] },
        {
          parts: [
            `Якщо щось досі не так, дайте відповідь на цей лист протягом ${f.count(d.reopenDays, days)}, і ми знову відкриємо запит. Пізніше ваша відповідь створить новий запит.`,
          ],
        },
        { parts: [`З повагою,\n${d.organizationName}`] },
      ],
    }),
    requester_wrote: (d) => ({
      subject: `[${d.reference}] Пише ${d.requesterName}: ${d.subject}`,
      paragraphs: [
        { parts: [d.text.trim()] },
        { parts: [`Відкрити в Tend: `, { href: d.link }] },
        {
          parts: [
            'Відповідайте на цей лист — відповідь надійде від імені організації в тій самій розмові.',
          ],
          muted: true,
        },
      ],
    }),
    team_line_alert: (d, f) => ({
      subject: `[${d.teamName}] ${f.count(d.waiting, waiting)} (поріг: ${d.threshold})`,
      paragraphs: [
        {
          parts: [
            `У черзі команди «${d.teamName}» ${f.count(d.waiting, waiting)} на першу відповідь. Поріг сповіщення — ${d.threshold}.`,
          ],
        },
        { parts: ['Чи може хтось відкрити ще одне віконце? Черга: ', { href: d.link }] },
      ],
    }),
    portal_sign_in: (d, f) => ({
      subject: `Посилання для входу: ${d.organizationName}`,
      paragraphs: [
        { parts: ['Добрий день!'] },
        {
          parts: [
            `Щоб увійти на портал «${d.organizationName}», перейдіть за цим посиланням:\n`,
            { href: d.link, label: 'Увійти' },
          ],
        },
        { parts: [`Посилання дійсне протягом ${f.count(d.expiresInMinutes, minutes)}.`] },
        { parts: ['Якщо ви не намагалися увійти, просто проігноруйте цей лист.'], muted: true },
      ],
    }),
  },
};
