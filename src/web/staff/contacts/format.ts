import type { CSSProperties } from 'react';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { languageName } from '../../format';

export { languageName };

/** A stored E.164 number as people read it ("+370 612 55139"); unparseable ones as they are. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** A country code's name in the interface language ("LT" → "Lithuania" / "Lituania"). */
export function countryName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date and time, short, in the interface language. */
export function formatDateTime(iso: string, uiLanguage: string): string {
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A date, in the interface language. */
export function formatDate(iso: string, uiLanguage: string): string {
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium' }).format(new Date(iso));
}

/** Languages offered for a contact's preference: the console's four first, then common others. */
export const contactLanguages = [
  'en',
  'es',
  'lt',
  'uk',
  'ar',
  'de',
  'fa',
  'fr',
  'hi',
  'it',
  'ka',
  'lv',
  'pl',
  'pt',
  'ro',
  'ru',
  'so',
  'ti',
  'tr',
  'ur',
  'vi',
  'zh',
];

/** ISO 3166-1 alpha-2 codes, for the address country (named in the interface language). */
export const countryCodes = (
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF ' +
  'CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD ' +
  'GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP ' +
  'KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY ' +
  'MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE ' +
  'SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ ' +
  'VA VC VE VN VU WS XK YE ZA ZM ZW'
).split(' ');

/**
 * Mantine's error red (red.6) is 3.3:1 on white; forms of this area use red.9 (5.3:1) for
 * field errors and required marks, so they meet WCAG AA.
 */
export const readableErrors = {
  '--mantine-color-error': 'var(--mantine-color-red-9)',
} as CSSProperties;
