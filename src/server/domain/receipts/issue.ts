import { localDate } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import { promisedKinds } from '../../../shared/gifts';
import type { ReceiptLanguage } from '../../../shared/schemas/receipts';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact } from '../../db/repositories/contacts';
import { lockGift, netAmount, type GiftRow } from '../../db/repositories/gifts';
import { findOrganization } from '../../db/repositories/organizations';
import {
  allocationsOf,
  insertReceipt,
  liveReceiptOfGift,
  nextReceiptNumber,
  postalAddressOf,
  type ReceiptRow,
} from '../../db/repositories/receipts';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { donorLanguage } from '../contacts/language';
import { giftSettingsOf } from '../gift-settings/gift-settings';
import { broken } from '../gifts/money';
import { appendToTimeline } from '../timeline/timeline';
import {
  donorBlock,
  giftLine,
  organizationBlock,
  receiptNumber,
  type ReceiptContent,
} from './content';

/** What issuing answered: the receipt, and whether it was made now or already existed. */
export type Issued = { receipt: ReceiptRow; created: boolean };

/** The donor, their organization and the blocks every receipt to them prints. */
export async function donorContext(tx: Executor, actor: Actor, contactId: string, asked?: string) {
  const [contact, org, settings, address] = [
    await findContact(tx, actor.orgId, contactId),
    await findOrganization(tx, actor.orgId),
    await giftSettingsOf(tx, actor.orgId),
    await postalAddressOf(tx, actor.orgId, contactId),
  ];
  if (!contact || !org) throw notFound('contact');
  return {
    org,
    language: donorLanguage(asked, contact, org),
    organization: organizationBlock(org, settings),
    donor: donorBlock(contact, address),
  };
}

type Draft = {
  kind: 'gift' | 'correction' | 'statement';
  contactId: string;
  giftId: string | null;
  replacesReceiptId: string | null;
  language: ReceiptLanguage;
  timeZone: string;
  content: (number: string, issuedOn: string) => ReceiptContent;
};

/**
 * Writes a receipt with the next number of the organization's year (the year it is issued in,
 * in the organization's time zone), puts it on the donor's timeline and audits it — all in the
 * caller's transaction, so a failure gives the number back.
 */
export async function writeReceipt(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  d: Draft,
): Promise<ReceiptRow> {
  const now = clock.now();
  const issuedOn = localDate(now, d.timeZone);
  const year = Number(issuedOn.slice(0, 4));
  const sequence = await nextReceiptNumber(tx, actor.orgId, year);
  const number = receiptNumber(year, sequence);
  const row = await insertReceipt(tx, {
    orgId: actor.orgId,
    year,
    number: sequence,
    kind: d.kind,
    contactId: d.contactId,
    giftId: d.giftId,
    replacesReceiptId: d.replacesReceiptId,
    language: d.language,
    content: d.content(number, issuedOn),
    issuedAt: now,
    createdByUserId: actor.userId,
  });
  const what = { gift: 'Receipt', correction: 'Corrected receipt', statement: 'Annual statement' };
  await appendToTimeline(tx, actor, d.contactId, {
    kind: 'gift',
    channel: 'system',
    direction: 'outbound',
    summary: `${what[d.kind]} ${number} issued`,
    sourceType: 'receipt',
    sourceId: row.id,
    occurredAt: now,
  });
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'receipt',
    entityId: row.id,
    after: { number, kind: row.kind, giftId: row.giftId, replacesReceiptId: row.replacesReceiptId },
  });
  return row;
}

/**
 * Issues a gift's receipt, or answers its live receipt when it has one (a copy carries the same
 * number). Promises (pledges, bequest intentions) and gifts refunded in full get none.
 */
export async function issueGiftReceipt(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  giftId: string,
  input: { language?: ReceiptLanguage },
): Promise<Issued> {
  const gift = await lockGift(tx, actor.orgId, giftId); // two issuers of one gift take turns
  if (!gift) throw notFound('gift');
  if (promisedKinds.includes(gift.kind))
    throw broken(
      'giftId',
      'a pledge or bequest intention is a promise, not money received: no receipt',
    );
  const live = await liveReceiptOfGift(tx, actor.orgId, giftId);
  if (live) return { receipt: live, created: false };
  const net = gift.amount === null ? null : await netAmount(tx, actor.orgId, gift);
  if (net !== null && net <= 0) throw broken('giftId', 'the gift was refunded in full');
  const ctx = await donorContext(tx, actor, gift.contactId, input.language);
  const designation = (await allocationsOf(tx, actor.orgId, giftId)).map((a) => a.fundName);
  const receipt = await writeReceipt(tx, clock, actor, {
    kind: 'gift',
    contactId: gift.contactId,
    giftId,
    replacesReceiptId: null,
    language: ctx.language,
    timeZone: ctx.org.timeZone,
    content: (number, issuedOn) => ({
      number,
      language: ctx.language,
      issuedOn,
      organization: ctx.organization,
      donor: ctx.donor,
      gift: giftLine(gift, net, designation),
    }),
  });
  return { receipt, created: true };
}

/**
 * After a refund or correction of a receipted gift: issues a correction receipt (a new number)
 * that replaces the live one, stating the amount it printed, the change and the new amount.
 * The old receipt is never changed. Nothing happens for a gift without a receipt.
 */
export async function correctReceipt(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  gift: GiftRow,
  adjustment: { kind: 'refund' | 'correction'; reason: string | null },
): Promise<ReceiptRow | undefined> {
  const live = await liveReceiptOfGift(tx, actor.orgId, gift.id);
  if (!live) return undefined;
  const printed = live.content as ReceiptContent;
  const original = printed.correction?.newAmount ?? printed.gift?.amount ?? null;
  if (original === null || !printed.gift) return undefined; // goods printed without a value
  const newAmount = await netAmount(tx, actor.orgId, gift);
  const org = await findOrganization(tx, actor.orgId);
  return writeReceipt(tx, clock, actor, {
    kind: 'correction',
    contactId: live.contactId,
    giftId: gift.id,
    replacesReceiptId: live.id,
    language: printed.language,
    timeZone: org?.timeZone ?? 'UTC',
    content: (number, issuedOn) => ({
      ...printed,
      number,
      issuedOn,
      gift: { ...printed.gift!, amount: newAmount },
      correction: {
        replacesNumber: printed.number,
        adjustment: adjustment.kind,
        currency: gift.currency,
        originalAmount: original,
        change: newAmount - original,
        newAmount,
        reason: adjustment.reason,
      },
    }),
  });
}
