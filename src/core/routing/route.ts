/**
 * Routing: which team a request goes to, and who in the team takes it. Pure functions; the
 * service desk loads the facts and stores the answer.
 */

/** What routing rules look at. */
export type RoutingFacts = {
  category?: string | null;
  channel: string;
  language?: string | null;
  tiers: readonly string[];
};

/** A routing rule's conditions; empty lists match anything. */
export type RoutingRule = {
  teamId: string;
  conditions: {
    categories?: readonly string[];
    channels?: readonly string[];
    languages?: readonly string[];
    tiers?: readonly string[];
  };
};

const open = (list?: readonly string[]) => !list || list.length === 0;
// "uk" in a rule matches a requester whose language is "uk-UA".
const languageMatches = (
  list: readonly string[] | undefined,
  language: string | null | undefined,
) =>
  open(list) || (!!language && list!.some((l) => language === l || language.startsWith(`${l}-`)));

/** The team of the first rule (in order) whose conditions all hold, if any. */
export function routeToTeam(
  rules: readonly RoutingRule[],
  facts: RoutingFacts,
): string | undefined {
  const rule = rules.find(
    ({ conditions: c }) =>
      (open(c.categories) || (!!facts.category && c.categories!.includes(facts.category))) &&
      (open(c.channels) || c.channels!.includes(facts.channel)) &&
      languageMatches(c.languages, facts.language) &&
      (open(c.tiers) || facts.tiers.some((t) => c.tiers!.includes(t))),
  );
  return rule?.teamId;
}

/** A team member as assignment sees them. */
export type Candidate = { userId: string; available: boolean; capacity: number; openCount: number };

/** How a team hands out work. */
export type Strategy = 'manual' | 'round_robin' | 'least_loaded';

/**
 * Who takes a new request: the contact's relationship owner when that person is on the team,
 * available and under capacity; otherwise by the team's strategy among available members under
 * capacity — round robin by the team's rotation ticket (a number that grows by one with every
 * request the team is given; the free members take turns in the members' stable order), or the
 * least loaded (ties by that order). Manual, or nobody free: unassigned.
 * @example pickAssignee('round_robin', members, { ticket: 7 }) // free member 7 mod count
 */
export function pickAssignee(
  strategy: Strategy,
  members: readonly Candidate[],
  opts: { ownerId?: string | null; ticket?: number | null },
): string | undefined {
  const free = members.filter((m) => m.available && m.openCount < m.capacity);
  const owner = opts.ownerId ? free.find((m) => m.userId === opts.ownerId) : undefined;
  if (owner) return owner.userId;
  if (strategy === 'manual' || free.length === 0) return undefined;
  if (strategy === 'least_loaded') {
    return free.reduce((best, m) => (m.openCount < best.openCount ? m : best)).userId;
  }
  return free[(opts.ticket ?? 0) % free.length]!.userId;
}
