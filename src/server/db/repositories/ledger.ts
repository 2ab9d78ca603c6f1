import { sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../connection';

// Percentiles are interpolated in floating point; a tenth of a minute is precision enough.
const tenth = (x: number | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);

/** One line of the promise ledger. */
export type LedgerRow = {
  subject_type: string;
  target: string;
  policy_id: string | null;
  period: Date | null;
  kept: number;
  broken: number;
  p50: number | null;
  p90: number | null;
};

/**
 * Promises decided in (from, to] — kept when fulfilled in time, broken when breached — with
 * time-to-fulfil percentiles in business minutes, grouped by subject, target, policy and period.
 */
export async function ledger(
  db: Executor,
  orgId: string,
  opts: {
    from: Date;
    to: Date;
    subjectType?: string;
    policyId?: string;
    period?: 'day' | 'week' | 'month';
  },
): Promise<LedgerRow[]> {
  const period = opts.period
    ? sql`date_trunc(${opts.period}, coalesce(breached_at, fulfilled_at) at time zone 'UTC')`
    : sql`null::timestamp`;
  const rows = await queryRows<LedgerRow>(
    db,
    sql`select subject_type, target, policy_id, ${period} as period,
          (count(*) filter (where kept))::int as kept,
          (count(*) filter (where not kept))::int as broken,
          percentile_cont(0.5) within group (order by used_minutes) filter (where fulfilled_at is not null) as p50,
          percentile_cont(0.9) within group (order by used_minutes) filter (where fulfilled_at is not null) as p90
        from promise_clocks
        where org_id = ${orgId} and kept is not null
          and coalesce(breached_at, fulfilled_at) > ${opts.from} and coalesce(breached_at, fulfilled_at) <= ${opts.to}
          ${opts.subjectType ? sql`and subject_type = ${opts.subjectType}` : sql``}
          ${opts.policyId ? sql`and policy_id = ${opts.policyId}` : sql``}
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4`,
  );
  return rows.map((r) => ({
    ...r,
    kept: Number(r.kept),
    broken: Number(r.broken),
    p50: tenth(r.p50),
    p90: tenth(r.p90),
    period: r.period === null ? null : new Date(r.period),
  }));
}
