import { localDate } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import type { DonationInput } from '../../../shared/schemas/donations';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact } from '../../db/repositories/contacts';
import {
  insertDonation,
  nextDonationReference,
  updateDonation,
} from '../../db/repositories/donations';
import { fundsAmong } from '../../db/repositories/funds';
import { mailableAddress } from '../../db/repositories/outbox';
import type { OrganizationRow } from '../../db/repositories/organizations';
import { invalid, notFound } from '../../errors';
import { systemActor } from '../actor';
import { queueEmails } from '../email/outbox';
import { giftSettingsOf } from '../gift-settings/gift-settings';
import { broken, formatMoney } from '../gifts/money';
import { appendToTimeline } from '../timeline/timeline';
import { makeDonor, recordPledge } from './confirm-pledge';
import { amountRange } from './options';
import { presentMyDonation } from './present';
import { providerFor } from './providers';

/** How the offer came: a signed-in donor on the portal, or a visitor's public form. */
export type OfferChannel = 'portal' | 'web';

const methodWords: Record<string, string> = {
  bank_transfer: 'bank transfer',
  cheque: 'cheque',
  cash: 'cash',
};

/**
 * A donor offers a gift or pledge, in the caller's transaction: the currency, amount, fund and
 * method are checked against what the organization offers, the donation gets its reference and
 * is started by the provider of its method. A signed-in donor's pledge is recorded as a pledge
 * gift at once and they become a donor; a pledge from the public form waits (pending) for its
 * confirmation (the email asks for it, `how.portalLink` being a sign-in link), and other gifts wait
 * for the money. The offer goes on the donor's timeline and the audit log, and the donor is
 * emailed the instructions and reference in their language.
 */
export async function offerDonation(
  tx: Executor,
  clock: Clock,
  org: OrganizationRow,
  contactId: string,
  input: DonationInput,
  how: { channel: OfferChannel; language: string; portalLink: string },
) {
  const now = clock.now();
  const actor = systemActor(org.id);
  const contact = await findContact(tx, org.id, contactId);
  if (!contact) throw notFound('contact');
  const settings = await giftSettingsOf(tx, org.id);
  if (input.currency !== settings.currency)
    throw broken('currency', `gifts here are in ${settings.currency}`);
  const range = amountRange(input.currency);
  if (input.amount < range.minAmount)
    throw broken('amount', `at least ${formatMoney(range.minAmount, input.currency)}`);
  if (input.amount > range.maxAmount)
    throw broken('amount', `at most ${formatMoney(range.maxAmount, input.currency)}`);
  const fund = input.fundId ? (await fundsAmong(tx, org.id, [input.fundId]))[0] : undefined;
  if (input.fundId && !fund) throw invalid('fundId', 'no such fund');
  const provider = providerFor(input.paymentMethod, settings.payment);
  if (!provider) throw broken('paymentMethod', 'this organization does not take gifts this way');
  // Only a signed-in donor is known to be the person behind the contact. A visitor of the public
  // form may have typed anyone's address: their offer changes nothing on an existing contact's
  // record (no role, no pledge gift) until that person, or staff, confirm it.
  const signedIn = how.channel === 'portal';
  if (signedIn) await makeDonor(tx, actor, contact.id, now);
  const today = localDate(now, org.timeZone);
  const reference = await nextDonationReference(tx, org.id, Number(today.slice(0, 4)));
  const details = {
    frequency: input.frequency ?? null,
    installments: input.installments ?? null,
    note: input.note ?? null,
    channel: how.channel,
  };
  let row = await insertDonation(tx, {
    orgId: org.id,
    contactId,
    provider: provider.id,
    kind: input.kind,
    paymentMethod: input.paymentMethod,
    amount: input.amount,
    currency: input.currency,
    fundId: input.fundId ?? null,
    status: 'pending',
    reference,
    details,
    createdAt: now,
    updatedAt: now,
  });
  const started = provider.start(
    { ...row, kind: input.kind, paymentMethod: input.paymentMethod },
    settings.payment,
  );
  const instructions = started.instructions ?? null;
  let giftId: string | null = null;
  // A pledge is a promise, recorded at once when the donor is signed in; the public form's waits.
  const status = started.status === 'received' && !signedIn ? 'pending' : started.status;
  if (status === 'received' && input.kind === 'pledge')
    giftId = (await recordPledge(tx, clock, actor, row, today)).id;
  row = await updateDonation(tx, org.id, row.id, {
    status,
    giftId,
    details: { ...details, instructions },
    updatedAt: now,
  });

  const money = formatMoney(input.amount, input.currency);
  const by = methodWords[input.paymentMethod] ?? input.paymentMethod.replace('_', ' ');
  const what =
    input.kind === 'pledge'
      ? `${status === 'pending' ? 'Offered to pledge' : 'Pledged'} ${money}${input.frequency ? ` (${input.frequency})` : ''}`
      : `Offered a ${input.kind === 'recurring' ? `${input.frequency} ` : ''}gift of ${money}`;
  await appendToTimeline(tx, actor, contactId, {
    kind: 'gift',
    channel: how.channel,
    direction: 'inbound',
    summary: `${what} by ${by}, ref ${reference}`,
    sourceType: 'donation',
    sourceId: row.id,
    occurredAt: now,
  });
  const view = presentMyDonation(row, fund?.name ?? null);
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'donation',
    entityId: row.id,
    after: view,
  });
  const address = await mailableAddress(tx, org.id, contactId);
  if (address && instructions)
    await queueEmails(
      tx,
      [
        {
          orgId: org.id,
          recipient: address,
          template: 'donation_instructions',
          language: how.language,
          payload: {
            donorName: contact.name,
            kind: input.kind,
            frequency: input.frequency ?? null,
            installments: input.installments ?? null,
            fundName: fund?.name ?? null,
            instructions,
            portalLink: how.portalLink,
            confirm: input.kind === 'pledge' && status === 'pending',
          },
        },
      ],
      now,
    );
  return { donation: view, instructions };
}
