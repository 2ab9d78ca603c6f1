import { giftLimits } from '../../../shared/gifts';
import type { GiftInput } from '../../../shared/schemas/gifts';
import { invalid } from '../../errors';
import { proBonoValue } from './money';

/** What a gift of any kind comes down to: its amount (or none) and its kind's own details. */
export type GiftTerms = { amount: number | null; details: Record<string, unknown> };

/**
 * Reads the kind-specific part of a gift: in-kind goods count at the value the organization set
 * (never the donor's own figure), pro-bono work at hours × rate, a bequest intention at its
 * expected amount when one is known.
 */
export function giftTerms(input: GiftInput): GiftTerms {
  switch (input.kind) {
    case 'one_time':
    case 'sponsorship':
      return {
        amount: input.amount,
        details: input.kind === 'sponsorship' ? { sponsored: input.sponsored ?? null } : {},
      };
    case 'recurring':
      return {
        amount: input.amount,
        details: { frequency: input.frequency, installment: input.installment ?? null },
      };
    case 'pledge':
      return { amount: input.amount, details: { schedule: input.schedule ?? null } };
    case 'in_kind':
      return {
        amount: input.fairMarketValue ?? null,
        details: {
          description: input.description,
          condition: input.condition ?? null,
          donorDeclaredValue: input.donorDeclaredValue ?? null,
          fairMarketValue: input.fairMarketValue ?? null,
        },
      };
    case 'pro_bono': {
      const value = proBonoValue(input.hours, input.hourlyRate);
      if (value > BigInt(giftLimits.maxAmount))
        throw invalid('hourlyRate', 'the value is too large');
      if (value < 1n) throw invalid('hours', 'the work must be worth at least 1 minor unit');
      return {
        amount: Number(value),
        details: {
          description: input.description,
          hours: input.hours,
          hourlyRate: input.hourlyRate,
        },
      };
    }
    case 'grant':
      if (input.period.to < input.period.from)
        throw invalid('period.to', 'the period ends before it starts');
      return {
        amount: input.amount,
        details: { period: input.period, deliverables: input.deliverables },
      };
    case 'bequest_intention':
      return { amount: input.amount ?? null, details: { note: input.note ?? null } };
  }
}
