/**
 * Which promise policy applies to a subject: the first, in the organization's order, whose
 * conditions all match. Never alphabetical, never "the strictest": the order is the decision.
 */

/** Conditions a policy may set; a missing or empty list matches anything. */
export type PolicyConditions = {
  roles?: readonly string[];
  segments?: readonly string[];
  categories?: readonly string[];
  channels?: readonly string[];
  priorities?: readonly string[];
};

/** What is known about a subject when matching (a request, a gift, an application). */
export type SubjectFacts = {
  roles: readonly string[];
  segments: readonly string[];
  category?: string | null;
  channel?: string | null;
  priority?: string | null;
};

/** The part of a policy matching needs. */
export type MatchablePolicy = { id: string; active: boolean; conditions: PolicyConditions };

const any = (list: readonly string[] | undefined) => list === undefined || list.length === 0;
const hasOne = (list: readonly string[] | undefined, values: readonly string[]) =>
  any(list) || values.some((v) => list!.includes(v));
const hasValue = (list: readonly string[] | undefined, value: string | null | undefined) =>
  any(list) || (value !== null && value !== undefined && list!.includes(value));

/** Whether every condition of a policy holds for the subject. */
export function policyMatches(conditions: PolicyConditions, facts: SubjectFacts): boolean {
  return (
    hasOne(conditions.roles, facts.roles) &&
    hasOne(conditions.segments, facts.segments) &&
    hasValue(conditions.categories, facts.category) &&
    hasValue(conditions.channels, facts.channel) &&
    hasValue(conditions.priorities, facts.priority)
  );
}

/**
 * The first active policy, in the given order, whose conditions match.
 * @example matchPolicy([vipDonors, everyone], { roles: ['donor'], segments: ['vip'] }) // vipDonors
 */
export function matchPolicy<P extends MatchablePolicy>(
  ordered: readonly P[],
  facts: SubjectFacts,
): P | undefined {
  return ordered.find((p) => p.active && policyMatches(p.conditions, facts));
}
