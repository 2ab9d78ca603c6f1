import type { z } from 'zod';
import type { Clock } from '../../../core/clock';
import type { publicRequestInput } from '../../../shared/schemas/requests';
import type { Executor } from '../../db/connection';
import { findContactByEmail, findContactByPhone } from '../../db/repositories/contacts';
import { findOrganization, type OrganizationRow } from '../../db/repositories/organizations';
import { clocksOf } from '../../db/repositories/promises';
import { recentRequestsFrom } from '../../db/repositories/requests';
import { AppError, invalid, notFound } from '../../errors';
import { systemActor } from '../actor';
import { createPerson } from '../contacts/create-contact';
import { toE164 } from '../contacts/normalize';
import { createRequest } from './create-request';
import { acknowledgement, formLanguage } from './public-texts';

/** What the public form answers. */
export type PublicReceipt = {
  reference: string;
  firstResponseDueAt: string | null;
  language: string;
  message: string;
};

/** Requests one email or phone may raise through the form in an hour. */
export const perRequesterHourlyLimit = 5;

/** The organization behind a public URL, or 404. */
export async function publicOrganization(db: Executor, slug: string): Promise<OrganizationRow> {
  const org = await findOrganization(db, slug);
  if (!org) throw notFound('organization');
  return org;
}

/**
 * A request from the public web form: no sign-in. A filled honeypot is refused; the contact is
 * found by email or phone (or created as a client); a requester who already sent several in the
 * last hour is asked to wait. Answers with the reference and the promised first-response time in
 * the requester's language. Runs in the caller's transaction: all of it or nothing.
 */
export async function submitPublicRequest(
  tx: Executor,
  clock: Clock,
  org: OrganizationRow,
  input: z.infer<typeof publicRequestInput>,
  acceptLanguage?: string,
): Promise<PublicReceipt> {
  if (input.website) throw new AppError('spam_rejected', 'this looks automated; nothing was sent');
  if (!input.email && !input.phone)
    throw invalid('email', 'give an email address or a phone number');
  const actor = systemActor(org.id);
  const phone = input.phone ? toE164(input.phone, org.defaultCountry, 'phone') : undefined;
  let contact = input.email ? await findContactByEmail(tx, org.id, input.email) : undefined;
  contact ??= phone ? await findContactByPhone(tx, org.id, phone) : undefined;
  const language = formLanguage(
    input.language ?? contact?.preferredLanguage ?? acceptLanguage,
    org.defaultLanguage,
  );
  const now = clock.now();
  if (
    contact &&
    (await recentRequestsFrom(tx, org.id, contact.id, new Date(now.getTime() - 3_600_000))) >=
      perRequesterHourlyLimit
  ) {
    throw new AppError(
      'rate_limited',
      'you have sent several requests in the last hour; we will answer those first',
      [],
      { 'retry-after': '3600' },
    );
  }
  const requesterId =
    contact?.id ??
    (
      await createPerson(tx, clock, actor, input.name, {
        roles: ['client'],
        preferredLanguage: language,
        emails: input.email ? [{ address: input.email }] : [],
        phones: phone ? [{ number: phone }] : [],
      })
    ).id;
  const request = await createRequest(tx, clock, actor, {
    subject: input.subject,
    description: input.description,
    requesterId,
    category: input.category ?? null,
    priority: 'normal',
    channel: 'web',
    language,
    tags: [],
    customFields: {},
  });
  const first = (await clocksOf(tx, org.id, 'request', request.id)).find(
    (c) => c.target === 'first_response',
  );
  const dueAt = first?.dueAt ?? null;
  return {
    reference: request.reference,
    firstResponseDueAt: dueAt?.toISOString() ?? null,
    language,
    message: acknowledgement(language, request.reference, dueAt, contact?.timeZone ?? org.timeZone),
  };
}
