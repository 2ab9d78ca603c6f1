import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { alerts } from '../schema';

/** Raises an in-app alert. */
export async function raiseAlert(
  db: Executor,
  values: {
    orgId: string;
    kind: string;
    teamId?: string | null;
    message: string;
    data?: unknown;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insert(alerts)
    .values({ ...values, teamId: values.teamId ?? null, data: values.data ?? null });
}

/** Resolves the open alerts of a kind about one promise clock. */
export async function resolveClockAlerts(
  db: Executor,
  orgId: string,
  clockId: string,
  at: Date,
): Promise<void> {
  await db
    .update(alerts)
    .set({ resolvedAt: at })
    .where(
      and(
        eq(alerts.orgId, orgId),
        isNull(alerts.resolvedAt),
        sql`${alerts.data}->>'clockId' = ${clockId}`,
      ),
    );
}
