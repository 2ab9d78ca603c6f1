import { and, eq } from 'drizzle-orm';
import type { Executor } from '../connection';
import { giftSettings } from '../schema';

/** An organization's gift settings row. */
export type GiftSettingsRow = typeof giftSettings.$inferSelect;

/** The organization's gift settings, locked for the transaction when asked. */
export async function findGiftSettings(
  db: Executor,
  orgId: string,
  lock = false,
): Promise<GiftSettingsRow | undefined> {
  const q = db.select().from(giftSettings).where(eq(giftSettings.orgId, orgId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Stores the first settings of an organization; undefined when another writer got there first. */
export async function insertGiftSettings(
  db: Executor,
  values: typeof giftSettings.$inferInsert,
): Promise<GiftSettingsRow | undefined> {
  const [row] = await db.insert(giftSettings).values(values).onConflictDoNothing().returning();
  return row;
}

/** Replaces the settings of the organization at the version read, raising the version. */
export async function updateGiftSettings(
  db: Executor,
  orgId: string,
  version: number,
  values: Pick<
    typeof giftSettings.$inferInsert,
    'currency' | 'majorGiftAmount' | 'receipt' | 'payment' | 'updatedAt'
  >,
): Promise<GiftSettingsRow | undefined> {
  const [row] = await db
    .update(giftSettings)
    .set({ ...values, version: version + 1 })
    .where(and(eq(giftSettings.orgId, orgId), eq(giftSettings.version, version)))
    .returning();
  return row;
}
