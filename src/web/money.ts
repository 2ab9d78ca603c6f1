/**
 * Money in the web apps: the API speaks integer minor units and an ISO 4217 currency; people
 * type and read decimal amounts in their own language. Conversions go digit by digit through
 * strings, so no amount ever passes through a binary float.
 */
import { localeOf } from './format';

/** How many minor units a currency has (EUR 2, JPY 0, KWD 3), from the runtime's CLDR data. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** The decimal separator a language writes ("," in es, lt, uk; "." in en). */
export function decimalSeparator(language: string): string {
  return (
    new Intl.NumberFormat(localeOf(language)).formatToParts(1.5).find((p) => p.type === 'decimal')
      ?.value ?? '.'
  );
}

/**
 * A decimal amount as typed ("1 234,50", "1,234.50", "12.5", "12") → integer minor units of
 * `currency`; null when it is not an amount, has more decimals than the currency has, or is not
 * above zero (or beyond what a JavaScript number holds exactly).
 * @example parseMoney('12,50', 'EUR', 'lt') // 1250
 */
export function parseMoney(text: string, currency: string, language: string): number | null {
  const digits = minorDigits(currency);
  const decimal = decimalSeparator(language);
  const other = decimal === ',' ? '.' : ',';
  let s = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^[0-9.,]+$/.test(s)) return null;
  // A single "other" separator followed by anything but exactly three digits is a decimal point
  // typed on a keyboard of another language ("12.50" in Lithuanian), not a thousands separator.
  const parts = s.split(other);
  if (!s.includes(decimal) && parts.length === 2 && parts[1]!.length !== 3) s = parts.join(decimal);
  else s = parts.join('');
  const [whole = '', fraction = '', ...rest] = s.split(decimal);
  if (rest.length > 0 || fraction.length > digits || (whole === '' && fraction === '')) return null;
  const minor = BigInt((whole || '0') + fraction.padEnd(digits, '0'));
  if (minor <= 0n || minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(minor);
}

/** Minor units as an exact decimal string with a point ("-1250", EUR → "-12.50"). */
export function decimalOf(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? sign + s : `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Minor units as the text of an amount field in the person's language ("12,50"). */
export function moneyInput(minor: number, currency: string, language: string): string {
  const text = decimalOf(minor, currency);
  return decimalSeparator(language) === ',' ? text.replace('.', ',') : text;
}

/**
 * Minor units shown as money in the person's language ("€12.50", "12,50 €"). Intl reads the
 * decimal string exactly (a string argument is a decimal, not a float).
 */
export function formatMoney(minor: number, currency: string, language: string): string {
  try {
    const format = new Intl.NumberFormat(localeOf(language), { style: 'currency', currency });
    return format.format(decimalOf(minor, currency) as `${number}`);
  } catch {
    return `${decimalOf(minor, currency)} ${currency}`;
  }
}
