import type { Clock } from '../../../core/clock';
import type { ReceiveDonationInput } from '../../../shared/schemas/donations';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findDonation, updateDonation, type DonationRow } from '../../db/repositories/donations';
import { AppError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { formatMoney } from '../gifts/money';
import { recordGift } from '../gifts/record-gift';
import { appendToTimeline } from '../timeline/timeline';
import type { DonationDetails } from './present';
import { providerById, type PaymentMethod } from './providers';
import { readDonationRow } from './read-donations';

/**
 * Staff confirm that a pending donation's money arrived: the gift is recorded (a one-time gift,
 * or the first installment of a recurring one) designated to the donation's fund, in the same
 * transaction, which starts its thank-you clock. The donation's row is locked first, so two
 * confirmations at once record one gift: the second finds it received and answers the same.
 */
export async function receiveDonation(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  input: ReceiveDonationInput,
) {
  const row = await findDonation(tx, actor.orgId, id, true);
  if (!row) throw notFound('donation');
  if (row.status === 'received') return readDonationRow(tx, actor, row);
  if (row.status === 'cancelled')
    throw new AppError('conflict', 'this donation was cancelled; record the gift itself instead');
  // A pledge's payments come later, each recorded against it; a pledge is confirmed, not received.
  if (row.kind === 'pledge')
    throw new AppError('conflict', 'a pledge is not received; confirm it instead');
  const provider = providerById(row.provider);
  if (!provider) throw new AppError('conflict', `no payment provider "${row.provider}" any more`);
  const got = provider.confirm(row, input);
  const d = row.details as DonationDetails;
  const common = {
    contactId: row.contactId,
    amount: got.amount,
    currency: row.currency,
    receivedOn: got.receivedOn,
    paymentMethod: row.paymentMethod as PaymentMethod,
    ...(row.fundId ? { allocations: [{ fundId: row.fundId, amount: got.amount }] } : {}),
  };
  const gift = await recordGift(
    tx,
    clock,
    actor,
    row.kind === 'recurring'
      ? {
          ...common,
          kind: 'recurring',
          frequency: d.frequency ?? 'monthly',
          installment: 1,
        }
      : { ...common, kind: 'one_time' },
  );
  const after = await updateDonation(tx, actor.orgId, row.id, {
    status: 'received',
    giftId: gift.id,
    details: { ...d, receivedOn: got.receivedOn, receivedAmount: got.amount },
    updatedAt: clock.now(),
  });
  return audited(tx, actor, row, after);
}

/**
 * Cancels a pending donation (the donor changed their mind, or staff know the money will not
 * come). Cancelling again answers the same; a received donation cannot be cancelled (refund
 * its gift instead). `contactId` limits it to a donor's own (404 for anyone else's).
 */
export async function cancelDonation(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  by: { contactId?: string },
) {
  const row = await findDonation(tx, actor.orgId, id, true);
  if (!row || (by.contactId !== undefined && row.contactId !== by.contactId))
    throw notFound('donation');
  if (row.status === 'cancelled') return readDonationRow(tx, actor, row);
  if (row.status === 'received')
    throw new AppError(
      'conflict',
      row.kind === 'pledge'
        ? 'a pledge is recorded as a gift; write off what is still to come instead'
        : 'the money has arrived; refund the gift instead',
    );
  const now = clock.now();
  const after = await updateDonation(tx, actor.orgId, row.id, {
    status: 'cancelled',
    details: { ...(row.details as DonationDetails), cancelledBy: by.contactId ? 'donor' : 'staff' },
    updatedAt: now,
  });
  await appendToTimeline(tx, actor, row.contactId, {
    kind: 'gift',
    channel: by.contactId ? 'portal' : 'system',
    direction: by.contactId ? 'inbound' : 'internal',
    summary: `Cancelled the offer ${row.reference} (${formatMoney(row.amount, row.currency)})`,
    sourceType: 'donation',
    sourceId: row.id,
    occurredAt: now,
  });
  return audited(tx, actor, row, after);
}

async function audited(tx: Executor, actor: Actor, before: DonationRow, after: DonationRow) {
  const view = await readDonationRow(tx, actor, after);
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'donation',
    entityId: after.id,
    before: { status: before.status, giftId: before.giftId },
    after: view,
  });
  return view;
}
