import type { GiftKind } from '../../../shared/gifts';
import type { ReceiptLanguage } from '../../../shared/schemas/receipts';

/** The words a receipt prints, in one language. */
export type ReceiptTexts = {
  title: { gift: string; correction: string; statement: string };
  number: string;
  issuedOn: string;
  registration: string;
  donor: string;
  received: string;
  kind: string;
  amount: string;
  designation: string;
  whereMostNeeded: string;
  goods: string;
  condition: string;
  conditions: Record<string, string>;
  noValue: string;
  service: string;
  hours: string;
  replaces: (n: string) => string;
  original: string;
  change: string;
  newAmount: string;
  refundedInFull: (zero: string) => string;
  reason: string;
  statementOf: (year: number) => string;
  total: string;
  noGifts: string;
  thanks: string;
  kinds: Record<GiftKind, string>;
};

const en: ReceiptTexts = {
  title: {
    gift: 'Donation receipt',
    correction: 'Corrected receipt',
    statement: 'Annual giving statement',
  },
  number: 'Number',
  issuedOn: 'Issued on',
  registration: 'Registration no.',
  donor: 'Donor',
  received: 'Received on',
  kind: 'Gift',
  amount: 'Amount',
  designation: 'Designation',
  whereMostNeeded: 'Where most needed',
  goods: 'Goods received',
  condition: 'Condition',
  conditions: { new: 'new', like_new: 'like new', good: 'good', fair: 'fair', poor: 'poor' },
  noValue: 'No value is stated for these goods.',
  service: 'Services given',
  hours: 'Hours',
  replaces: (n) => `This receipt replaces receipt ${n}.`,
  original: 'Original amount',
  change: 'Change',
  newAmount: 'New amount',
  refundedInFull: (zero) => `The gift was refunded in full: its amount is now ${zero}.`,
  reason: 'Reason',
  statementOf: (year) => `Gifts received in ${year}`,
  total: 'Total',
  noGifts: 'No gifts were received in this year.',
  thanks: 'Thank you for your generosity.',
  kinds: {
    one_time: 'one-time gift',
    recurring: 'recurring gift',
    pledge: 'pledge',
    in_kind: 'gift in kind',
    pro_bono: 'pro-bono service',
    grant: 'grant',
    sponsorship: 'sponsorship',
    bequest_intention: 'bequest intention',
  },
};

const es: ReceiptTexts = {
  title: {
    gift: 'Recibo de donación',
    correction: 'Recibo rectificativo',
    statement: 'Certificado anual de donaciones',
  },
  number: 'Número',
  issuedOn: 'Emitido el',
  registration: 'N.º de registro',
  donor: 'Donante',
  received: 'Recibida el',
  kind: 'Donación',
  amount: 'Importe',
  designation: 'Destino',
  whereMostNeeded: 'Donde más se necesite',
  goods: 'Bienes recibidos',
  condition: 'Estado',
  conditions: {
    new: 'nuevo',
    like_new: 'como nuevo',
    good: 'bueno',
    fair: 'aceptable',
    poor: 'deficiente',
  },
  noValue: 'No se indica ningún valor para estos bienes.',
  service: 'Servicios prestados',
  hours: 'Horas',
  replaces: (n) => `Este recibo sustituye al recibo ${n}.`,
  original: 'Importe original',
  change: 'Cambio',
  newAmount: 'Nuevo importe',
  refundedInFull: (zero) => `La donación se reembolsó por completo: su importe es ahora ${zero}.`,
  reason: 'Motivo',
  statementOf: (year) => `Donaciones recibidas en ${year}`,
  total: 'Total',
  noGifts: 'No se recibieron donaciones en este año.',
  thanks: 'Gracias por su generosidad.',
  kinds: {
    one_time: 'donación puntual',
    recurring: 'donación periódica',
    pledge: 'promesa de donación',
    in_kind: 'donación en especie',
    pro_bono: 'servicio pro bono',
    grant: 'subvención',
    sponsorship: 'patrocinio',
    bequest_intention: 'intención de legado',
  },
};

const lt: ReceiptTexts = {
  title: {
    gift: 'Paramos kvitas',
    correction: 'Patikslintas kvitas',
    statement: 'Metinė paramos pažyma',
  },
  number: 'Numeris',
  issuedOn: 'Išduota',
  registration: 'Įmonės kodas',
  donor: 'Paramos teikėjas',
  received: 'Gauta',
  kind: 'Parama',
  amount: 'Suma',
  designation: 'Paskirtis',
  whereMostNeeded: 'Kur labiausiai reikia',
  goods: 'Gauti daiktai',
  condition: 'Būklė',
  conditions: {
    new: 'nauji',
    like_new: 'kaip nauji',
    good: 'geros būklės',
    fair: 'patenkinamos būklės',
    poor: 'prastos būklės',
  },
  noValue: 'Šių daiktų vertė nenurodoma.',
  service: 'Suteiktos paslaugos',
  hours: 'Valandos',
  replaces: (n) => `Šis kvitas pakeičia kvitą ${n}.`,
  original: 'Pradinė suma',
  change: 'Pakeitimas',
  newAmount: 'Nauja suma',
  refundedInFull: (zero) => `Parama grąžinta visa: jos suma dabar ${zero}.`,
  reason: 'Priežastis',
  statementOf: (year) => `${year} m. gauta parama`,
  total: 'Iš viso',
  noGifts: 'Šiais metais paramos negauta.',
  thanks: 'Dėkojame už Jūsų dosnumą – ačiū, kad esate šalia.',
  kinds: {
    one_time: 'vienkartinė parama',
    recurring: 'periodinė parama',
    pledge: 'paramos pažadas',
    in_kind: 'parama daiktais',
    pro_bono: 'pro bono paslaugos',
    grant: 'dotacija',
    sponsorship: 'rėmimas',
    bequest_intention: 'ketinimas palikti palikimą',
  },
};

const uk: ReceiptTexts = {
  title: {
    gift: 'Квитанція про пожертву',
    correction: 'Виправлена квитанція',
    statement: 'Річна довідка про пожертви',
  },
  number: 'Номер',
  issuedOn: 'Видано',
  registration: 'Реєстраційний номер',
  donor: 'Жертводавець',
  received: 'Отримано',
  kind: 'Пожертва',
  amount: 'Сума',
  designation: 'Призначення',
  whereMostNeeded: 'Де найбільше потрібно',
  goods: 'Отримані речі',
  condition: 'Стан',
  conditions: {
    new: 'нові',
    like_new: 'як нові',
    good: 'добрий',
    fair: 'задовільний',
    poor: 'поганий',
  },
  noValue: 'Вартість цих речей не вказується.',
  service: 'Надані послуги',
  hours: 'Години',
  replaces: (n) => `Ця квитанція замінює квитанцію ${n}.`,
  original: 'Початкова сума',
  change: 'Зміна',
  newAmount: 'Нова сума',
  refundedInFull: (zero) => `Пожертву повернуто повністю: її сума тепер ${zero}.`,
  reason: 'Причина',
  statementOf: (year) => `Пожертви, отримані у ${year} році`,
  total: 'Разом',
  noGifts: 'Цього року пожертв не отримано.',
  thanks: 'Дякуємо за вашу щедрість.',
  kinds: {
    one_time: 'разова пожертва',
    recurring: 'регулярна пожертва',
    pledge: 'обіцянка пожертви',
    in_kind: 'пожертва речами',
    pro_bono: 'безоплатні послуги',
    grant: 'грант',
    sponsorship: 'спонсорство',
    bequest_intention: 'намір заповіту',
  },
};

/** Receipt texts by language. */
export const receiptTexts: Record<ReceiptLanguage, ReceiptTexts> = { en, es, lt, uk };
