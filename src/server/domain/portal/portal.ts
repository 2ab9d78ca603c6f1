import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { findContactByEmail } from '../../db/repositories/contacts';
import { z } from 'zod';
import { upsertJob } from '../../db/repositories/jobs';
import { findOrganization, type OrganizationRow } from '../../db/repositories/organizations';
import {
  deletePortalSession,
  findLivePortalSession,
  isLiveAddressOf,
  insertPortalSession,
  insertSignIn,
  publicMessagesOf,
  requestOfRequester,
  requestsOfRequester,
  signInsSince,
  useSignIn,
} from '../../db/repositories/portal';
import { clocksOf } from '../../db/repositories/promises';
import { presentPortalRequest } from '../../presenters/request';
import { notFound } from '../../errors';
import { systemActor } from '../actor';
import { hashSecret, newSecret } from '../auth/secrets';
import { queueEmails } from '../email/outbox';
import { addRequesterMessage } from '../requests/messages';

/** How long an emailed sign-in link works, and how long the portal session it opens lasts. */
export const signInLinkMinutes = 30;
export const portalSessionDays = 14;
/** Sign-in links one contact may be sent in an hour (more asks are answered alike, not sent). */
export const signInLinksPerHour = 5;

/** A contact signed in to the portal. */
export type PortalUser = {
  orgId: string;
  contactId: string;
  name: string;
  preferredLanguage: string | null;
};

/** The job that looks up an address asking for a sign-in link and sends the link. */
export const portalSignInJob = 'portal.sign_in';

/** What the sign-in job needs. */
export const portalSignInPayload = z.object({
  orgId: z.uuid(),
  email: z.string(),
  next: z.string().optional(),
});

/**
 * Someone asks for a sign-in link: the request is queued as a job, whatever the address. The
 * answer then costs the same for a known and an unknown address (one insert), so its timing
 * tells nobody who is known; the job does the lookup and sends the link.
 */
export async function askForSignIn(
  tx: Executor,
  clock: Clock,
  org: OrganizationRow,
  input: { email: string; next?: string | undefined },
): Promise<void> {
  await upsertJob(tx, {
    orgId: org.id,
    name: portalSignInJob,
    payload: { orgId: org.id, email: input.email, ...(input.next ? { next: input.next } : {}) },
    runAt: clock.now(),
  });
}

/** The sign-in job: the organization's link to this address, when it is known (see below). */
export async function runPortalSignIn(
  tx: Executor,
  clock: Clock,
  payload: z.infer<typeof portalSignInPayload>,
  publicUrl: string,
): Promise<void> {
  const org = await findOrganization(tx, payload.orgId);
  if (!org) return;
  await requestSignIn(tx, clock, org, payload, publicUrl);
}

/**
 * Sends a sign-in link. When the address belongs to a contact of the organization and
 * is not bouncing, a single-use link is stored (its hash) and emailed in the contact's language;
 * otherwise nothing happens. The caller answers the same either way, so the portal never tells
 * who is known. The secret travels in the link's fragment (`#…`): browsers do not send it to the
 * server, to logs or in Referer headers, and a mail scanner that opens the page does not use it.
 */
export async function requestSignIn(
  tx: Executor,
  clock: Clock,
  org: OrganizationRow,
  input: { email: string; next?: string | undefined },
  publicUrl: string,
): Promise<void> {
  const contact = await findContactByEmail(tx, org.id, input.email);
  if (!contact) return;
  if (!(await isLiveAddressOf(tx, org.id, contact.id, input.email))) return;
  const now = clock.now();
  const hourAgo = new Date(now.getTime() - 3_600_000);
  if ((await signInsSince(tx, org.id, contact.id, hourAgo)) >= signInLinksPerHour) return;
  const secret = newSecret('tend_portal');
  await insertSignIn(tx, {
    orgId: org.id,
    contactId: contact.id,
    tokenHash: hashSecret(secret),
    next: input.next ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + signInLinkMinutes * 60_000),
  });
  await queueEmails(
    tx,
    [
      {
        orgId: org.id,
        recipient: input.email,
        template: 'portal_sign_in',
        language: contact.preferredLanguage ?? org.defaultLanguage,
        payload: {
          link: `${publicUrl}/p/${org.slug}/sign-in#${secret}`,
          expiresInMinutes: signInLinkMinutes,
        },
      },
    ],
    now,
  );
}

/**
 * Exchanges a sign-in link's secret for a portal session (a new secret for the cookie). The link
 * is used up in the same statement that finds it. Undefined when the link is unknown, used,
 * expired or of another organization.
 */
export async function openPortalSession(
  tx: Executor,
  clock: Clock,
  org: OrganizationRow,
  secret: string,
): Promise<{ session: string; next: string | null; expiresAt: Date } | undefined> {
  const now = clock.now();
  const link = await useSignIn(tx, org.id, hashSecret(secret), now);
  if (!link) return undefined;
  const session = newSecret('tend_portal_session');
  const expiresAt = new Date(now.getTime() + portalSessionDays * 86_400_000);
  await insertPortalSession(tx, {
    orgId: org.id,
    contactId: link.contactId,
    tokenHash: hashSecret(session),
    createdAt: now,
    expiresAt,
  });
  return { session, next: link.next, expiresAt };
}

/** The contact behind a portal session cookie, if it is live. */
export async function portalUserFromSession(
  db: Executor,
  clock: Clock,
  secret: string,
): Promise<PortalUser | undefined> {
  const row = await findLivePortalSession(db, hashSecret(secret), clock.now());
  if (!row) return undefined;
  return {
    orgId: row.session.orgId,
    contactId: row.contact.id,
    name: row.contact.name,
    preferredLanguage: row.contact.preferredLanguage,
  };
}

/** Who is signed in to the portal, and for which organization. */
export async function portalMe(db: Executor, user: PortalUser) {
  const org = await findOrganization(db, user.orgId);
  if (!org) throw notFound('organization');
  return {
    name: user.name,
    preferredLanguage: user.preferredLanguage,
    organization: { slug: org.slug, name: org.name },
  };
}

/** Ends the portal session behind a cookie's secret. */
export async function endPortalSession(db: Executor, secret: string): Promise<void> {
  await deletePortalSession(db, hashSecret(secret));
}

/** The signed-in contact's requests, newest first. */
export async function myRequests(db: Executor, user: PortalUser) {
  const rows = await requestsOfRequester(db, user.orgId, user.contactId, 200);
  return rows.map(presentPortalRequest);
}

/**
 * One of the signed-in contact's requests with its public conversation (never internal notes)
 * and what was promised: the first-response clock's due time, and whether it was kept. Another
 * contact's request is not found.
 */
export async function myRequest(db: Executor, user: PortalUser, requestId: string) {
  const row = await requestOfRequester(db, user.orgId, user.contactId, requestId);
  if (!row) throw notFound('request');
  const messages = await publicMessagesOf(db, user.orgId, [row.id]);
  const first = (await clocksOf(db, user.orgId, 'request', row.id)).find(
    (c) => c.target === 'first_response',
  );
  return {
    ...presentPortalRequest(row),
    firstResponse: first
      ? {
          dueAt: first.dueAt?.toISOString() ?? null,
          state: first.state,
          kept: first.kept,
        }
      : null,
    // Only what this person wrote, and what staff wrote: a requester message by someone else
    // (a request merged from another person's) is never shown as theirs.
    messages: messages
      .filter((m) => m.author !== 'requester' || m.authorContactId === user.contactId)
      .map((m) => ({
        id: m.id,
        author: m.author === 'requester' ? ('you' as const) : ('staff' as const),
        staffName: m.author === 'staff' ? m.staffName : null,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
      })),
  };
}

/**
 * The signed-in contact writes on one of their requests: added to the conversation (reopening a
 * recently solved request, or opening a linked follow-up on a closed one) as any requester's
 * message is. Answers with the request the message landed on.
 */
export async function replyOnPortal(
  tx: Executor,
  clock: Clock,
  user: PortalUser,
  requestId: string,
  body: string,
): Promise<{ requestId: string; followUp: boolean }> {
  const row = await requestOfRequester(tx, user.orgId, user.contactId, requestId);
  if (!row) throw notFound('request');
  const result = await addRequesterMessage(tx, clock, systemActor(user.orgId), requestId, {
    body,
    channel: 'portal',
  });
  return { requestId: result.request.id, followUp: result.followUp };
}
