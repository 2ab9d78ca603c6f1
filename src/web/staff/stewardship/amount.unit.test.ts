import { describe, expect, it } from 'vitest';
import { amountInput, formatMoney, parseAmount, toDecimal } from './amount';

describe('amounts typed in the staff console', () => {
  it('reads a decimal amount in each language as exact minor units', () => {
    expect(parseAmount('12,50', 'EUR', 'lt')).toBe(1250);
    expect(parseAmount('1 234,56', 'EUR', 'uk')).toBe(123456);
    expect(parseAmount('1.234,56', 'EUR', 'es')).toBe(123456);
    expect(parseAmount('1,234.56', 'EUR', 'en')).toBe(123456);
    expect(parseAmount('0.29', 'EUR', 'en')).toBe(29); // 0.29 * 100 is 28.999… as a float
    expect(parseAmount('12.5', 'EUR', 'lt')).toBe(1250); // a point in a comma language
    expect(parseAmount('1000', 'JPY', 'en')).toBe(1000);
    expect(parseAmount('1.234', 'KWD', 'en')).toBe(1234);
    expect(parseAmount('90071992547409.91', 'EUR', 'en')).toBe(9007199254740991);
  });

  it('refuses what is not a positive amount of the currency', () => {
    expect(parseAmount('', 'EUR', 'en')).toBeNull();
    expect(parseAmount('0', 'EUR', 'en')).toBeNull();
    expect(parseAmount('-5', 'EUR', 'en')).toBeNull();
    expect(parseAmount('12.345', 'EUR', 'en')).toBeNull();
    expect(parseAmount('5.5', 'JPY', 'en')).toBeNull();
    expect(parseAmount('1,2,3.4.5', 'EUR', 'en')).toBeNull();
    expect(parseAmount('ten', 'EUR', 'en')).toBeNull();
    expect(parseAmount('90071992547409.92', 'EUR', 'en')).toBeNull();
  });

  it('writes minor units back as a decimal without a float', () => {
    expect(toDecimal(1250, 'EUR')).toBe('12.50');
    expect(toDecimal(5, 'EUR')).toBe('0.05');
    expect(toDecimal(1000, 'JPY')).toBe('1000');
    expect(amountInput(123456, 'EUR', 'lt')).toBe('1234,56');
    expect(formatMoney(9007199254740991, 'EUR', 'en')).toBe('€90,071,992,547,409.91');
    expect(formatMoney(1250, 'EUR', 'lt')).toMatch(/^12,50\s€$/);
  });
});
