/**
 * The few sentences the public form says, in the four languages Tend ships with. (The web issue
 * moves every text to i18next; these stay the server's fallback.)
 */
const languages = ['en', 'es', 'lt', 'uk'] as const;
/** A language the public form speaks. */
export type Language = (typeof languages)[number];

type Texts = {
  received: string;
  by: string;
  soon: string;
  title: string;
  /** The plain HTML form (no JavaScript needed). */
  form: {
    heading: string;
    intro: string;
    name: string;
    email: string;
    phone: string;
    contactHint: string;
    subject: string;
    description: string;
    send: string;
    notSent: string;
    back: string;
  };
};

const texts: Record<Language, Texts> = {
  en: {
    title: 'Request received',
    received: 'Thank you. We received your request {ref}.',
    by: 'We promise to answer by {due}.',
    soon: 'We will answer as soon as we can.',
    form: {
      heading: 'Ask us for help',
      intro: 'Tell us what you need. Give an email address or a phone number so we can answer.',
      name: 'Your name',
      email: 'Email',
      phone: 'Phone',
      contactHint: 'An email address or a phone number (or both).',
      subject: 'Subject',
      description: 'How can we help?',
      send: 'Send',
      notSent: 'Not sent',
      back: 'Back to the form',
    },
  },
  es: {
    title: 'Solicitud recibida',
    received: 'Gracias. Hemos recibido su solicitud {ref}.',
    by: 'Nos comprometemos a responder antes del {due}.',
    soon: 'Le responderemos lo antes posible.',
    form: {
      heading: 'Pídanos ayuda',
      intro:
        'Cuéntenos qué necesita. Indique un correo electrónico o un teléfono para que podamos responderle.',
      name: 'Su nombre',
      email: 'Correo electrónico',
      phone: 'Teléfono',
      contactHint: 'Un correo electrónico o un teléfono (o ambos).',
      subject: 'Asunto',
      description: '¿En qué podemos ayudarle?',
      send: 'Enviar',
      notSent: 'No enviado',
      back: 'Volver al formulario',
    },
  },
  lt: {
    title: 'Prašymas gautas',
    received: 'Ačiū. Gavome jūsų prašymą {ref}.',
    by: 'Pažadame atsakyti iki {due}.',
    soon: 'Atsakysime kuo greičiau.',
    form: {
      heading: 'Kreipkitės pagalbos',
      intro:
        'Parašykite, ko jums reikia. Nurodykite el. pašto adresą arba telefono numerį, kad galėtume atsakyti.',
      name: 'Jūsų vardas',
      email: 'El. paštas',
      phone: 'Telefonas',
      contactHint: 'El. pašto adresas arba telefono numeris (arba abu).',
      subject: 'Tema',
      description: 'Kuo galime padėti?',
      send: 'Siųsti',
      notSent: 'Neišsiųsta',
      back: 'Grįžti į formą',
    },
  },
  uk: {
    title: 'Запит отримано',
    received: 'Дякуємо. Ми отримали ваш запит {ref}.',
    by: 'Обіцяємо відповісти до {due}.',
    soon: 'Ми відповімо якнайшвидше.',
    form: {
      heading: 'Зверніться по допомогу',
      intro:
        'Напишіть, що вам потрібно. Вкажіть електронну пошту або номер телефону, щоб ми могли відповісти.',
      name: 'Ваше ім’я',
      email: 'Електронна пошта',
      phone: 'Телефон',
      contactHint: 'Електронна пошта або номер телефону (або обидва).',
      subject: 'Тема',
      description: 'Чим ми можемо допомогти?',
      send: 'Надіслати',
      notSent: 'Не надіслано',
      back: 'Повернутися до форми',
    },
  },
};

/** The plain form's texts in a language. */
export function formTexts(language: Language): Texts['form'] {
  return texts[language].form;
}

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
