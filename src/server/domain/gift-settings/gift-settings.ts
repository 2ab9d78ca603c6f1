import type { Clock } from '../../../core/clock';
import {
  paymentFieldLimits,
  receiptFieldLimits,
  type GiftSettingsInput,
  type PaymentField,
  type ReceiptField,
} from '../../../shared/schemas/gift-settings';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  findGiftSettings,
  insertGiftSettings,
  updateGiftSettings,
  type GiftSettingsRow,
} from '../../db/repositories/gift-settings';
import { AppError } from '../../errors';
import type { Actor } from '../actor';
import { checkVersion } from '../versioning';

/** Gift settings as the API answers them; every known field present (null when not set). */
export type GiftSettingsView = {
  currency: string;
  majorGiftAmount: number | null;
  receipt: Record<ReceiptField, string | null>;
  payment: Record<PaymentField, string | null>;
  /** 0 until the settings are first saved. */
  version: number;
  updatedAt: string | null;
};

const pick = <K extends string>(keys: readonly K[], from: Record<string, string | null>) =>
  Object.fromEntries(keys.map((k) => [k, from[k] ?? null])) as Record<K, string | null>;
const receiptKeys = Object.keys(receiptFieldLimits) as ReceiptField[];
const paymentKeys = Object.keys(paymentFieldLimits) as PaymentField[];

/** Presents a settings row, or the defaults of an organization that never saved any. */
export function presentGiftSettings(row: GiftSettingsRow | undefined): GiftSettingsView {
  return {
    currency: row?.currency ?? 'EUR',
    majorGiftAmount: row?.majorGiftAmount ?? null,
    receipt: pick(receiptKeys, row?.receipt ?? {}),
    payment: pick(paymentKeys, row?.payment ?? {}),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * The one answer to an organization's gift settings, with the defaults of one that never saved
 * any (EUR, no payment or receipt details): for the API, the give form and receipts alike.
 */
export async function giftSettingsOf(db: Executor, orgId: string): Promise<GiftSettingsView> {
  return presentGiftSettings(await findGiftSettings(db, orgId));
}

/** The organization's gift settings (defaults when never saved). */
export function readGiftSettings(db: Executor, actor: Actor): Promise<GiftSettingsView> {
  return giftSettingsOf(db, actor.orgId);
}

const stale = () =>
  new AppError('precondition_failed', 'the gift settings changed since you read them; reload');

/**
 * Replaces the gift settings at the version the caller read (If-Match; 0 = never saved), audited
 * with before and after.
 */
export async function saveGiftSettings(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: GiftSettingsInput,
  expected: number | undefined,
): Promise<GiftSettingsView> {
  const now = clock.now();
  const current = await findGiftSettings(tx, actor.orgId, true);
  const before = presentGiftSettings(current);
  checkVersion('gift settings', before.version, expected);
  const values = {
    currency: input.currency,
    majorGiftAmount: input.majorGiftAmount,
    receipt: pick(receiptKeys, input.receipt),
    payment: pick(paymentKeys, input.payment),
    updatedAt: now,
  };
  const row = current
    ? await updateGiftSettings(tx, actor.orgId, current.version, values)
    : await insertGiftSettings(tx, { orgId: actor.orgId, ...values, version: 1 });
  if (!row) throw stale(); // another first save won the race
  const after = presentGiftSettings(row);
  await appendAudit(tx, actor, {
    action: current ? 'update' : 'create',
    entityType: 'gift_settings',
    entityId: actor.orgId,
    before: current ? before : undefined,
    after,
  });
  return after;
}
