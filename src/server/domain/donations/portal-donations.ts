import type { Clock } from '../../../core/clock';
import type { DonationInput } from '../../../shared/schemas/donations';
import type { Executor } from '../../db/connection';
import { findContact } from '../../db/repositories/contacts';
import { findDonation } from '../../db/repositories/donations';
import { fundsAmong } from '../../db/repositories/funds';
import { findOrganization } from '../../db/repositories/organizations';
import { notFound } from '../../errors';
import { systemActor } from '../actor';
import { donorLanguage } from '../contacts/language';
import type { PortalUser } from '../portal/portal';
import { confirmPledge } from './confirm-pledge';
import { offerDonation } from './offer-donation';
import { presentMyDonation } from './present';
import { cancelDonation } from './settle-donation';

/**
 * A signed-in donor offers a gift or pledge on the portal (emailed in their language, with the
 * link `givingLink` makes of the organization's slug).
 */
export async function giveAsDonor(
  tx: Executor,
  clock: Clock,
  user: PortalUser,
  input: DonationInput,
  givingLink: (slug: string) => string,
) {
  const org = await findOrganization(tx, user.orgId);
  const contact = await findContact(tx, user.orgId, user.contactId);
  if (!org || !contact) throw notFound('contact');
  return offerDonation(tx, clock, org, contact.id, input, {
    channel: 'portal',
    language: donorLanguage(undefined, contact, org),
    portalLink: givingLink(org.slug),
  });
}

/** A donor cancels one of their own pending offers; anyone else's is "not found". */
export async function cancelMyDonation(tx: Executor, clock: Clock, user: PortalUser, id: string) {
  await cancelDonation(tx, clock, systemActor(user.orgId), id, { contactId: user.contactId });
  return myDonation(tx, user, id);
}

/** A donor confirms their own pledge made on the public form; anyone else's is "not found". */
export async function confirmMyPledge(tx: Executor, clock: Clock, user: PortalUser, id: string) {
  await confirmPledge(tx, clock, systemActor(user.orgId), id, { contactId: user.contactId });
  return myDonation(tx, user, id);
}

async function myDonation(tx: Executor, user: PortalUser, id: string) {
  const row = (await findDonation(tx, user.orgId, id))!;
  const [fund] = row.fundId ? await fundsAmong(tx, user.orgId, [row.fundId]) : [];
  return presentMyDonation(row, fund?.name ?? null);
}
