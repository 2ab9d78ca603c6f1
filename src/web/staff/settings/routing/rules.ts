import type { RuleConditions } from '../api';

/** A rule being edited: a local key (stored rules are replaced as a whole list). */
export type DraftRule = { key: string; teamId: string; conditions: RuleConditions };

/** Conditions without empty lists (the API's form). */
export const clean = (c: RuleConditions): RuleConditions =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => (v?.length ?? 0) > 0));

/** Whether a rule matches every request (no conditions). */
export const matchesAll = (r: DraftRule) => Object.keys(clean(r.conditions)).length === 0;
