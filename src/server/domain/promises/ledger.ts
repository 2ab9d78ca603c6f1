import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { ledger } from '../../db/repositories/ledger';
import { timeToThank } from '../../db/repositories/thanks';
import { findOrganization } from '../../db/repositories/organizations';
import { findCalendar, listPolicies } from '../../db/repositories/promises';
import { invalid, notFound } from '../../errors';
import { actorCan } from '../../policies';
import type { Actor } from '../actor';

const dayMs = 86_400_000;
const rate = (kept: number, broken: number) =>
  kept + broken === 0 ? null : kept / (kept + broken);

/** Query of the promise summary. */
export type SummaryQuery = {
  from?: string;
  to?: string;
  subjectType?: string;
  policyId?: string;
  period?: 'day' | 'week' | 'month';
};

/**
 * The promise ledger: kept rate and time-to-fulfil p50/p90 by subject, target, policy, period;
 * and time to thank (gift recorded → first thank-you, wall-clock p50/p90) over the period, for
 * roles that may read gifts.
 */
export async function promiseSummary(db: Executor, clock: Clock, actor: Actor, q: SummaryQuery) {
  const to = q.to ? new Date(q.to) : clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * dayMs);
  if (from >= to) throw invalid('from', 'must be before to');
  const policies = new Map((await listPolicies(db, actor.orgId)).map((p) => [p.id, p.name]));
  const rows = await ledger(db, actor.orgId, {
    from,
    to,
    subjectType: q.subjectType,
    policyId: q.policyId,
    period: q.period,
  });
  // Time to thank is fundraising data, and every role may read the ledger.
  const thanks =
    actorCan(actor, 'gifts.read') && (!q.subjectType || q.subjectType === 'gift')
      ? await timeToThank(db, actor.orgId, { from, to, policyId: q.policyId })
      : null;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    timeToThank: thanks && {
      thanked: thanks.thanked,
      p50Minutes: thanks.p50,
      p90Minutes: thanks.p90,
    },
    data: rows.map((r) => ({
      subjectType: r.subject_type,
      target: r.target,
      policy: r.policy_id ? { id: r.policy_id, name: policies.get(r.policy_id) ?? null } : null,
      period: r.period?.toISOString() ?? null,
      kept: r.kept,
      broken: r.broken,
      keptRate: rate(r.kept, r.broken),
      fulfilP50Minutes: r.p50,
      fulfilP90Minutes: r.p90,
    })),
  };
}

/**
 * What an organization promises, published: each active policy's targets in plain terms and how
 * often they were kept over the last 30 and 90 days. No names, no subjects, only figures.
 */
export async function publishedPromises(db: Executor, clock: Clock, orgSlug: string) {
  const org = await findOrganization(db, orgSlug);
  if (!org) throw notFound('organization');
  const now = clock.now();
  const windows = await Promise.all(
    [30, 90].map((days) =>
      ledger(db, org.id, { from: new Date(now.getTime() - days * dayMs), to: now }),
    ),
  );
  const keptIn = (rows: Awaited<ReturnType<typeof ledger>>, policyId: string, target: string) => {
    const r = rows.filter((x) => x.policy_id === policyId && x.target === target);
    const kept = r.reduce((s, x) => s + x.kept, 0);
    const broken = r.reduce((s, x) => s + x.broken, 0);
    return { decided: kept + broken, keptRate: rate(kept, broken) };
  };
  const policies = (await listPolicies(db, org.id)).filter((p) => p.active);
  const promises = [];
  for (const p of policies) {
    const targets = [];
    for (const t of p.targets) {
      const cal = t.calendarId ? await findCalendar(db, org.id, t.calendarId) : undefined;
      targets.push({
        target: t.target,
        minutes: t.minutes,
        businessHours: cal ? { name: cal.name, timezone: cal.definition.timezone } : null,
        last30Days: keptIn(windows[0]!, p.id, t.target),
        last90Days: keptIn(windows[1]!, p.id, t.target),
      });
    }
    // Segments are the organization's own classification; the public sees who, how and how urgent.
    const { roles, categories, channels, priorities } = p.conditions;
    promises.push({
      subjectType: p.subjectType,
      name: p.name,
      description: p.description,
      conditions: { roles, categories, channels, priorities },
      // Whether it applies to everyone (no condition at all, published or not).
      forEveryone: Object.values(p.conditions).every((v) => !v || v.length === 0),
      targets,
    });
  }
  return { organization: { slug: org.slug, name: org.name }, promises };
}
