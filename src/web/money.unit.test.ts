import { describe, expect, it } from 'vitest';
import { decimalOf, formatMoney, minorDigits, moneyInput, parseMoney } from './money';

describe('parseMoney', () => {
  it('reads the decimals of each language as minor units', () => {
    expect(parseMoney('12.50', 'EUR', 'en')).toBe(1250);
    expect(parseMoney('12,50', 'EUR', 'lt')).toBe(1250);
    expect(parseMoney('1,234.56', 'USD', 'en')).toBe(123456);
    expect(parseMoney('1 234,56', 'EUR', 'uk')).toBe(123456);
    expect(parseMoney('1.234,56', 'EUR', 'es')).toBe(123456);
    expect(parseMoney('12', 'EUR', 'en')).toBe(1200);
    expect(parseMoney(',5', 'EUR', 'lt')).toBe(50);
  });

  it('takes a point as the decimal in a comma language when it cannot be thousands', () => {
    expect(parseMoney('12.5', 'EUR', 'lt')).toBe(1250);
    expect(parseMoney('1.234', 'EUR', 'es')).toBe(123400);
  });

  it('keeps amounts a float would round exactly', () => {
    expect(parseMoney('0.29', 'EUR', 'en')).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(parseMoney('90071992547409.91', 'USD', 'en')).toBe(9007199254740991);
  });

  it('knows currencies without or with three minor digits', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(parseMoney('1500', 'JPY', 'en')).toBe(1500);
    expect(parseMoney('15.5', 'JPY', 'en')).toBeNull();
    expect(parseMoney('1.234', 'KWD', 'en')).toBe(1234);
  });

  it('refuses what is not a positive amount', () => {
    for (const bad of ['', 'abc', '-5', '0', '0,00', '1.2.3', '12.345', '1e3', '90071992547409.92'])
      expect(parseMoney(bad, 'EUR', 'en'), bad).toBeNull();
  });
});

describe('decimalOf, moneyInput and formatMoney', () => {
  it('writes minor units back exactly', () => {
    expect(decimalOf(1250, 'EUR')).toBe('12.50');
    expect(decimalOf(5, 'EUR')).toBe('0.05');
    expect(decimalOf(-1250, 'EUR')).toBe('-12.50');
    expect(decimalOf(1500, 'JPY')).toBe('1500');
    expect(decimalOf(9007199254740991, 'USD')).toBe('90071992547409.91');
    expect(moneyInput(1250, 'EUR', 'lt')).toBe('12,50');
    expect(moneyInput(1250, 'EUR', 'en')).toBe('12.50');
  });

  it('round-trips every typed amount through minor units', () => {
    for (const minor of [1, 29, 1250, 123456, 9007199254740991])
      for (const language of ['en', 'es', 'lt', 'uk'])
        expect(parseMoney(moneyInput(minor, 'EUR', language), 'EUR', language)).toBe(minor);
  });

  it('formats money in the language without losing a cent', () => {
    expect(formatMoney(1250, 'EUR', 'en')).toBe('€12.50');
    expect(formatMoney(9007199254740991, 'USD', 'en')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(1250, 'EUR', 'lt').replace(/\s/g, ' ')).toBe('12,50 €');
  });
});
