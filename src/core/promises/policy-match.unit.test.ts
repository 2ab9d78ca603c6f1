import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchPolicy,
  policyMatches,
  type MatchablePolicy,
  type PolicyConditions,
  type SubjectFacts,
} from './policy-match';

const subject = (facts: Partial<SubjectFacts> = {}): SubjectFacts => ({
  roles: [],
  segments: [],
  ...facts,
});

const policy = (id: string, conditions: PolicyConditions, active = true): MatchablePolicy => ({
  id,
  active,
  conditions,
});

const donor = subject({ roles: ['donor'], segments: ['vip'], category: 'gift', channel: 'email' });

describe('policyMatches', () => {
  it('matches anything when there are no conditions at all', () => {
    expect(policyMatches({}, subject())).toBe(true);
    expect(policyMatches({}, donor)).toBe(true);
  });

  it('treats an empty list like an absent one', () => {
    const empty = { roles: [], segments: [], categories: [], channels: [], priorities: [] };
    expect(policyMatches(empty, subject())).toBe(true);
    expect(policyMatches(empty, donor)).toBe(true);
  });

  it('matches roles when the subject has at least one of the listed roles', () => {
    const facts = subject({ roles: ['client', 'volunteer'] });
    expect(policyMatches({ roles: ['volunteer', 'donor'] }, facts)).toBe(true);
    expect(policyMatches({ roles: ['donor'] }, facts)).toBe(false);
  });

  it('does not match a roles list for a subject with no roles', () => {
    expect(policyMatches({ roles: ['client'] }, subject())).toBe(false);
  });

  it('matches segments when the subject is in at least one listed segment', () => {
    const facts = subject({ segments: ['major', 'monthly'] });
    expect(policyMatches({ segments: ['monthly'] }, facts)).toBe(true);
    expect(policyMatches({ segments: ['lapsed'] }, facts)).toBe(false);
  });

  it('matches a category, channel or priority only when the single value is listed', () => {
    expect(policyMatches({ categories: ['gift', 'grant'] }, donor)).toBe(true);
    expect(policyMatches({ categories: ['grant'] }, donor)).toBe(false);
    expect(policyMatches({ channels: ['email'] }, donor)).toBe(true);
    expect(policyMatches({ channels: ['phone'] }, donor)).toBe(false);
    expect(policyMatches({ priorities: ['high'] }, subject({ priority: 'high' }))).toBe(true);
    expect(policyMatches({ priorities: ['high'] }, subject({ priority: 'low' }))).toBe(false);
  });

  it('does not match a non-empty list against a null or missing value', () => {
    expect(policyMatches({ categories: ['gift'] }, subject({ category: null }))).toBe(false);
    expect(policyMatches({ categories: ['gift'] }, subject())).toBe(false);
    expect(policyMatches({ channels: ['email'] }, subject({ channel: null }))).toBe(false);
    expect(policyMatches({ priorities: ['high'] }, subject({ priority: undefined }))).toBe(false);
  });

  it('matches a null value when the list is empty or absent', () => {
    expect(policyMatches({ categories: [] }, subject({ category: null }))).toBe(true);
    expect(policyMatches({ channels: undefined }, subject({ channel: null }))).toBe(true);
  });

  it('compares values exactly (case matters, no substrings)', () => {
    expect(policyMatches({ categories: ['Gift'] }, donor)).toBe(false);
    expect(policyMatches({ roles: ['don'] }, donor)).toBe(false);
  });

  it('requires every condition to hold', () => {
    expect(policyMatches({ roles: ['donor'], categories: ['gift'] }, donor)).toBe(true);
    expect(policyMatches({ roles: ['donor'], categories: ['grant'] }, donor)).toBe(false);
    expect(policyMatches({ roles: ['client'], categories: ['gift'] }, donor)).toBe(false);
  });

  it('is the conjunction of its single-condition checks (property)', () => {
    const value = fc.constantFrom('a', 'b', 'c');
    const list = fc.option(fc.uniqueArray(value, { maxLength: 3 }), { nil: undefined });
    const conditionsArb = fc.record({
      roles: list,
      segments: list,
      categories: list,
      channels: list,
      priorities: list,
    });
    const factsArb = fc.record({
      roles: fc.uniqueArray(value, { maxLength: 3 }),
      segments: fc.uniqueArray(value, { maxLength: 3 }),
      category: fc.option(value),
      channel: fc.option(value, { nil: undefined }),
      priority: fc.option(value),
    });
    fc.assert(
      fc.property(conditionsArb, factsArb, (conditions, facts) => {
        const each = (Object.keys(conditions) as (keyof PolicyConditions)[]).map((key) =>
          policyMatches({ [key]: conditions[key] }, facts),
        );
        expect(policyMatches(conditions, facts)).toBe(each.every(Boolean));
      }),
    );
  });
});

describe('matchPolicy', () => {
  it('returns the first matching policy in the given order, not the strictest', () => {
    const everyone = policy('everyone', {});
    const vipDonors = policy('vip-donors', { roles: ['donor'], segments: ['vip'] });
    expect(matchPolicy([everyone, vipDonors], donor)).toBe(everyone);
    expect(matchPolicy([vipDonors, everyone], donor)).toBe(vipDonors);
  });

  it('does not sort by id', () => {
    const zulu = policy('zulu', { roles: ['donor'] });
    const alpha = policy('alpha', { roles: ['donor'] });
    expect(matchPolicy([zulu, alpha], donor)?.id).toBe('zulu');
  });

  it('skips inactive policies even when they come first and match', () => {
    const paused = policy('paused', {}, false);
    const live = policy('live', { roles: ['donor'] });
    expect(matchPolicy([paused, live], donor)).toBe(live);
  });

  it('skips policies whose conditions do not match', () => {
    const clients = policy('clients', { roles: ['client'] });
    const gifts = policy('gifts', { categories: ['gift'] });
    expect(matchPolicy([clients, gifts], donor)).toBe(gifts);
  });

  it('matches a subject with several roles on any one of them', () => {
    const volunteers = policy('volunteers', { roles: ['volunteer'] });
    const facts = subject({ roles: ['donor', 'volunteer'] });
    expect(matchPolicy([volunteers], facts)).toBe(volunteers);
  });

  it('does not match a categories policy for a subject without a category', () => {
    const gifts = policy('gifts', { categories: ['gift'] });
    const fallback = policy('fallback', {});
    expect(matchPolicy([gifts, fallback], subject({ category: null }))).toBe(fallback);
    expect(matchPolicy([gifts], subject({ category: null }))).toBeUndefined();
  });

  it('returns undefined when there are no policies or none applies', () => {
    expect(matchPolicy([], donor)).toBeUndefined();
    expect(matchPolicy([policy('off', {}, false)], donor)).toBeUndefined();
    expect(matchPolicy([policy('clients', { roles: ['client'] })], donor)).toBeUndefined();
  });

  it('keeps the caller’s policy type', () => {
    const ordered = [{ ...policy('p', {}), hours: 24 }];
    expect(matchPolicy(ordered, donor)?.hours).toBe(24);
  });
});
