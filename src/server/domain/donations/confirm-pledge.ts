import { localDate } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact, updateContactRow } from '../../db/repositories/contacts';
import { findDonation, updateDonation, type DonationRow } from '../../db/repositories/donations';
import { findOrganization } from '../../db/repositories/organizations';
import { AppError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { formatMoney } from '../gifts/money';
import { recordGift } from '../gifts/record-gift';
import { appendToTimeline } from '../timeline/timeline';
import type { DonationDetails } from './present';
import type { PaymentMethod } from './providers';
import { readDonationRow } from './read-donations';

/** Roles are tags on one person: whoever gives (as themself) is a donor from now on. */
export async function makeDonor(tx: Executor, actor: Actor, contactId: string, now: Date) {
  const contact = await findContact(tx, actor.orgId, contactId);
  if (!contact || contact.roles.includes('donor')) return;
  const roles = [...contact.roles, 'donor' as const];
  await updateContactRow(tx, actor.orgId, contact.id, { roles, updatedAt: now });
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'contact',
    entityId: contact.id,
    before: { roles: contact.roles },
    after: { roles },
  });
}

/** Records a pledge donation as a pledge gift (with its schedule and fund), received on `day`. */
export async function recordPledge(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  row: DonationRow,
  day: string,
) {
  const d = row.details as DonationDetails;
  return recordGift(tx, clock, actor, {
    kind: 'pledge',
    contactId: row.contactId,
    amount: row.amount,
    currency: row.currency,
    receivedOn: day,
    paymentMethod: row.paymentMethod as PaymentMethod,
    ...(row.fundId ? { allocations: [{ fundId: row.fundId, amount: row.amount }] } : {}),
    ...(d.frequency
      ? {
          schedule: {
            frequency: d.frequency,
            ...(d.installments ? { installments: d.installments } : {}),
          },
        }
      : {}),
  });
}

/**
 * A pledge offered through the public form waits until the person behind the address confirms it
 * (signed in on the portal by an emailed link: `by.contactId`, anyone else's is "not found") or
 * staff do. Confirming records the pledge gift and makes the contact a donor; again answers the
 * same. The row is locked, so two confirmations at once record one gift.
 */
export async function confirmPledge(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  by: { contactId?: string },
) {
  const row = await findDonation(tx, actor.orgId, id, true);
  if (!row || (by.contactId !== undefined && row.contactId !== by.contactId))
    throw notFound('donation');
  if (row.kind !== 'pledge')
    throw new AppError(
      'conflict',
      'only a pledge is confirmed; a gift is received when it arrives',
    );
  if (row.status === 'received') return readDonationRow(tx, actor, row);
  if (row.status === 'cancelled') throw new AppError('conflict', 'this pledge was cancelled');
  const now = clock.now();
  const org = await findOrganization(tx, actor.orgId);
  if (!org) throw notFound('organization');
  await makeDonor(tx, actor, row.contactId, now);
  const gift = await recordPledge(tx, clock, actor, row, localDate(now, org.timeZone));
  const after = await updateDonation(tx, actor.orgId, row.id, {
    status: 'received',
    giftId: gift.id,
    details: { ...(row.details as DonationDetails), confirmedBy: by.contactId ? 'donor' : 'staff' },
    updatedAt: now,
  });
  await appendToTimeline(tx, actor, row.contactId, {
    kind: 'gift',
    channel: by.contactId ? 'portal' : 'system',
    direction: by.contactId ? 'inbound' : 'internal',
    summary: `Confirmed the pledge ${row.reference} (${formatMoney(row.amount, row.currency)})`,
    sourceType: 'donation',
    sourceId: row.id,
    occurredAt: now,
  });
  const view = await readDonationRow(tx, actor, after);
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'donation',
    entityId: row.id,
    before: { status: row.status, giftId: row.giftId },
    after: view,
  });
  return view;
}
