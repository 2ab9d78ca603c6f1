import type { Clock } from '../../../core/clock';
import type { PublicDonationInput } from '../../../shared/schemas/donations';
import type { Executor } from '../../db/connection';
import { findContactByEmail } from '../../db/repositories/contacts';
import { donationsSince } from '../../db/repositories/donations';
import type { OrganizationRow } from '../../db/repositories/organizations';
import { insertSignIn } from '../../db/repositories/portal';
import { AppError } from '../../errors';
import { systemActor } from '../actor';
import { hashSecret, newSecret } from '../auth/secrets';
import { createPerson } from '../contacts/create-contact';
import { donorLanguage } from '../contacts/language';
import { signInLinkMinutes } from '../portal/portal';
import { formLanguage } from '../requests/public-texts';
import { offerDonation } from './offer-donation';

/** Offers one email address may make through the public form in an hour. */
export const perDonorHourlyLimit = 5;

/**
 * A portal sign-in link (single use, expiring, as the portal's own) that lands on My giving, where
 * the contact confirms the pledge: the secret travels in the fragment, only its hash is stored.
 */
async function confirmationLink(
  tx: Executor,
  now: Date,
  org: OrganizationRow,
  contactId: string,
  publicUrl: string,
) {
  const secret = newSecret('tend_portal');
  await insertSignIn(tx, {
    orgId: org.id,
    contactId,
    tokenHash: hashSecret(secret),
    next: '/giving',
    createdAt: now,
    expiresAt: new Date(now.getTime() + signInLinkMinutes * 60_000),
  });
  return `${publicUrl}/p/${org.slug}/sign-in#${secret}`;
}

/**
 * A visitor gives without signing in: a filled honeypot is refused; the donor is found by email
 * (or created as a donor in the language they wrote in) and may make only a few offers an hour.
 * Anyone can type an address, so nothing is added to an existing contact's record (no role) and
 * a pledge waits for its confirmation: the email carries a sign-in link to confirm it on My
 * giving. Money offers wait for the money as any do. Runs in the caller's transaction.
 */
export async function givePublicly(
  tx: Executor,
  clock: Clock,
  org: OrganizationRow,
  input: PublicDonationInput,
  links: { portalLink: string; publicUrl: string; acceptLanguage?: string | undefined },
) {
  if (input.website) throw new AppError('spam_rejected', 'this looks automated; nothing was sent');
  const now = clock.now();
  const found = await findContactByEmail(tx, org.id, input.email);
  // The browser's languages stand in for the organization's when it writes in one of them.
  const language = donorLanguage(input.language, found, {
    defaultLanguage: formLanguage(links.acceptLanguage, org.defaultLanguage),
  });
  if (
    found &&
    (await donationsSince(tx, org.id, found.id, new Date(now.getTime() - 3_600_000))) >=
      perDonorHourlyLimit
  )
    throw new AppError(
      'rate_limited',
      'you have offered several gifts in the last hour; thank you — please wait a little',
      [],
      { 'retry-after': '3600' },
    );
  const contactId =
    found?.id ??
    (
      await createPerson(tx, clock, systemActor(org.id), input.name, {
        roles: ['donor'],
        preferredLanguage: language,
        emails: [{ address: input.email }],
      })
    ).id;
  const { name: _n, email: _e, language: _l, website: _w, ...offer } = input;
  return offerDonation(tx, clock, org, contactId, offer, {
    channel: 'web',
    language,
    portalLink:
      offer.kind === 'pledge'
        ? await confirmationLink(tx, now, org, contactId, links.publicUrl)
        : links.portalLink,
  });
}
