import { AppError } from '../../errors';

/** A rule about money broken (422), with the field it is about. */
export const broken = (path: string, message: string): AppError =>
  new AppError('rule_violated', `${path}: ${message}`, [{ path, message }]);

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and currency (building one costs ~0.3 ms; a list shows hundreds). */
function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    if (formats.size < 1000) formats.set(key, f);
  }
  return f;
}

// Minor digits per currency: resolvedOptions() builds a new object each time, and every gift
// recorded formats its amount (its timeline line), every list of gifts each of theirs.
const digitsOf = new Map<string, number>();

/**
 * How many minor units a currency has, from the runtime's CLDR data (the same for every language).
 * @example minorDigits('EUR') // 2, minorDigits('JPY') // 0, minorDigits('KWD') // 3
 */
export function minorDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = moneyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
    if (digitsOf.size < 1000) digitsOf.set(currency, digits);
  }
  return digits;
}

/**
 * Minor units written as the currency shows them, e.g. 2550 EUR → "€25.50". The decimal is
 * built from the integer as a string, so no float ever stands for the amount.
 * @example formatMoney(2550, 'EUR') // "€25.50"
 */
export function formatMoney(minor: number, currency: string, locale = 'en'): string {
  const f = moneyFormat(locale, currency);
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits
    ? `${sign}${abs.slice(0, abs.length - digits)}.${abs.slice(abs.length - digits)}`
    : `${sign}${abs}`;
  return f.format(decimal as unknown as number);
}

/**
 * The value of pro-bono work: hours (in quarters) × an hourly rate in minor units, rounded half
 * up to a whole minor unit in integer arithmetic.
 * @example proBonoValue(1.5, 8000) // 12000
 */
export function proBonoValue(hours: number, hourlyRate: number): bigint {
  const quarters = BigInt(Math.round(hours * 4));
  return (quarters * BigInt(hourlyRate) + 2n) / 4n;
}
