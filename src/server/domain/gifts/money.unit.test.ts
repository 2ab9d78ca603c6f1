import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, proBonoValue } from './money';
import { consecutiveYears } from './giving';

describe('money', () => {
  it('writes minor units as the currency shows them, without a float in between', () => {
    expect(formatMoney(2550, 'EUR')).toBe('€25.50');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(1234, 'KWD')).toBe('KWD\u00a01.234');
    expect(formatMoney(900719925474099, 'USD')).toBe('$9,007,199,254,740.99');
  });

  it('knows how many minor units a currency has, whatever the language', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(formatMoney(1234, 'KWD', 'lt')).toContain('1,234');
  });

  it('values pro-bono work in whole minor units, half up', () => {
    expect(proBonoValue(1.5, 8000)).toBe(12_000n);
    expect(proBonoValue(0.25, 2)).toBe(1n); // 0.5 → 1
    expect(proBonoValue(0.25, 1)).toBe(0n); // 0.25 → 0
    expect(proBonoValue(2.25, 8333)).toBe(18_749n);
  });

  it('counts consecutive years back from this year, or from last year while this has none', () => {
    expect(consecutiveYears(new Set([2024, 2025, 2026]), 2026)).toBe(3);
    expect(consecutiveYears(new Set([2024, 2025]), 2026)).toBe(2);
    expect(consecutiveYears(new Set([2023, 2025, 2026]), 2026)).toBe(2);
    expect(consecutiveYears(new Set([2024]), 2026)).toBe(0);
    expect(consecutiveYears(new Set(), 2026)).toBe(0);
  });
});
