import { localeOf } from '../../format';

/** How many minor units a currency has (EUR 2, JPY 0, KWD 3), as the runtime's CLDR data says. */
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits!;
  } catch {
    return 2;
  }
}

/** The decimal separator of a locale ("," in lt, es, uk; "." in en). */
function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')!.value;
}

/**
 * A decimal amount typed in the person's language ("1 234,50", "1,234.50", "12.5") as integer
 * minor units of `currency`, read digit by digit as a string (no float ever holds it); null when
 * it is not an amount, has more decimals than the currency, or is not above zero.
 * @example parseAmount('12,50', 'EUR', 'lt') // 1250
 */
export function parseAmount(text: string, currency: string, language: string): number | null {
  const digits = fractionDigits(currency);
  const decimal = decimalSeparator(localeOf(language));
  let s = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^[0-9.,]+$/.test(s)) return null;
  const other = decimal === ',' ? '.' : ',';
  // "12.50" typed in a comma language: one separator with at most the currency's decimals after
  // it is the decimal point, not a thousands separator.
  if (!s.includes(decimal) && s.split(other).length === 2 && s.split(other)[1]!.length !== 3)
    s = s.replace(other, decimal);
  s = s.split(other).join('');
  const [whole = '', fraction = '', ...rest] = s.split(decimal);
  if (rest.length > 0 || fraction.length > digits || (whole === '' && fraction === '')) return null;
  const minor = BigInt((whole || '0') + fraction.padEnd(digits, '0'));
  if (minor <= 0n || minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(minor);
}

/** Minor units as an exact decimal string ("1250", EUR → "12.50"). */
export function toDecimal(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? sign + s : `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Minor units as the text of an amount field in the person's language ("12,50"). */
export function amountInput(minor: number, currency: string, language: string): string {
  const text = toDecimal(minor, currency);
  return decimalSeparator(localeOf(language)) === ',' ? text.replace('.', ',') : text;
}

/** Minor units shown as money in the person's language ("€12.50", "12,50 €"). */
export function formatMoney(minor: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(localeOf(language), { style: 'currency', currency });
  // A decimal string is formatted exactly (Intl reads it as a decimal, not as a float).
  return format.format(toDecimal(minor, currency) as unknown as number);
}
