import { describe, expect, it } from 'vitest';
import { planGivingHistory, type GivingCast } from './demo-giving-history';

const now = new Date('2026-11-24T12:00:00Z');
const funds = { general: 'g', shelter: 's', food: 'f', homework: 'h' };
const cast = (people: number, organizations: number): GivingCast => ({
  people: Array.from({ length: people }, (_, i) => `p${i}`),
  organizations: Array.from({ length: organizations }, (_, i) => `o${i}`),
  owned: ['p10', 'p11', 'p12'],
  tribute: { remembered: 'r', notify: 'n' },
});
const plan = (c = cast(80, 4), seed = 42) =>
  planGivingHistory(c, funds, now, 'Europe/Vilnius', seed);

describe('the demo giving history', () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(plan()).toEqual(plan());
    expect(plan(cast(80, 4), 7)).not.toEqual(plan());
  });

  it('comes in time order, all of it past, over about three calendar years', () => {
    const steps = plan();
    const times = steps.map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    const days = steps.flatMap((s) => (s.type === 'record' ? [s.gift.receivedOn] : []));
    expect(days.every((d) => d >= '2024-01-01' && d <= '2026-11-24')).toBe(true);
  });

  it('gives at most 40 donors a history however many there are, and a few gifts in all', () => {
    const records = plan(cast(5000, 40)).filter((s) => s.type === 'record');
    const donors = new Set(records.map((s) => (s.type === 'record' ? s.gift.contactId : '')));
    expect(donors.size).toBeLessThanOrEqual(44); // 40 people and at most 4 organizations
    expect(records.length).toBeLessThan(200);
  });

  it('thanks every gift after it came but the last 40 hours’ and a refunded duplicate', () => {
    const steps = plan();
    const recorded = new Map(steps.flatMap((s) => (s.type === 'record' ? [[s.ref, s.at]] : [])));
    const thanked = steps.filter((s) => s.type === 'thank');
    for (const t of thanked) expect(t.at > recorded.get(t.ref)!).toBe(true);
    const waiting = [...recorded].filter(([ref]) => !thanked.some((t) => t.ref === ref));
    const recent = waiting.filter(([, at]) => now.getTime() - at.getTime() <= 41 * 3_600_000);
    expect(waiting.length - recent.length).toBe(1);
    expect(recent.length).toBe(8);
    expect(thanked.filter((t) => t.type === 'thank' && t.late)).toHaveLength(2);
  });

  it('still plans a history for a demo of one donor and no organizations', () => {
    const steps = plan(cast(1, 0));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.type !== 'record' || s.gift.contactId === 'p0')).toBe(true);
  });
});
