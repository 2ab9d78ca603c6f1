/**
 * The few sentences the public form says, in the four languages Tend ships with. (The web issue
 * moves every text to i18next; these stay the server's fallback.)
 */
const languages = ['en', 'es', 'lt', 'uk'] as const;
type Language = (typeof languages)[number];

const texts: Record<Language, { received: string; by: string; soon: string; title: string }> = {
  en: {
    title: 'Request received',
    received: 'Thank you. We received your request {ref}.',
    by: 'We promise to answer by {due}.',
    soon: 'We will answer as soon as we can.',
  },
  es: {
    title: 'Solicitud recibida',
    received: 'Gracias. Hemos recibido su solicitud {ref}.',
    by: 'Nos comprometemos a responder antes del {due}.',
    soon: 'Le responderemos lo antes posible.',
  },
  lt: {
    title: 'Prašymas gautas',
    received: 'Ačiū. Gavome jūsų prašymą {ref}.',
    by: 'Pažadame atsakyti iki {due}.',
    soon: 'Atsakysime kuo greičiau.',
  },
  uk: {
    title: 'Запит отримано',
    received: 'Дякуємо. Ми отримали ваш запит {ref}.',
    by: 'Обіцяємо відповісти до {due}.',
    soon: 'Ми відповімо якнайшвидше.',
  },
};

/** The language to answer in: the first of the candidates Tend speaks (from a tag or an Accept-Language header). */
export function formLanguage(preferred: string | undefined | null, fallback: string): Language {
  for (const candidate of [...(preferred ?? '').split(','), fallback]) {
    const base = candidate.trim().split(/[-;_]/)[0]?.toLowerCase() as Language;
    if (languages.includes(base)) return base;
  }
  return 'en';
}

/** The acknowledgement with the reference and the promised time, in the requester's language. */
export function acknowledgement(
  language: Language,
  ref: string,
  dueAt: Date | null,
  timeZone: string,
): string {
  const t = texts[language];
  const due = dueAt
    ? new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
        dueAt,
      )
    : null;
  return `${t.received.replace('{ref}', ref)} ${due ? t.by.replace('{due}', due) : t.soon}`;
}

/** The title of the acknowledgement page. */
export function acknowledgementTitle(language: Language): string {
  return texts[language].title;
}
