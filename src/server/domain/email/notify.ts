import type { Executor } from '../../db/connection';
import { findContact } from '../../db/repositories/contacts';
import { threadMessageIds } from '../../db/repositories/outbox';
import type { RequestRow } from '../../db/repositories/requests';
import { contactEmails } from '../../db/schema';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { queueEmails, type EmailPlan } from './outbox';

/** The address Tend writes to a contact at: the primary one that does not bounce, if any. */
export async function mailableAddress(
  db: Executor,
  orgId: string,
  contactId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ address: contactEmails.address })
    .from(contactEmails)
    .where(
      and(
        eq(contactEmails.orgId, orgId),
        eq(contactEmails.contactId, contactId),
        isNull(contactEmails.bouncedAt),
      ),
    )
    .orderBy(desc(contactEmails.isPrimary), asc(contactEmails.address))
    .limit(1);
  return row?.address;
}

/**
 * Queues an email to a request's requester, in their language and in the request's thread (its
 * reply address and References come with it); nothing when they have no address that works.
 */
export async function emailRequester(
  tx: Executor,
  request: RequestRow,
  now: Date,
  build: (
    recipient: string,
  ) => Pick<EmailPlan, 'template' | 'payload' | 'recipient' | 'messageRowId'>,
): Promise<boolean> {
  const recipient = await mailableAddress(tx, request.orgId, request.requesterId);
  if (!recipient) return false;
  const contact = await findContact(tx, request.orgId, request.requesterId);
  await queueEmails(
    tx,
    [
      {
        ...build(recipient),
        orgId: request.orgId,
        language: request.language ?? contact?.preferredLanguage ?? null,
        requestId: request.id,
        references: await threadMessageIds(tx, request.orgId, request.id),
      },
    ],
    now,
  );
  return true;
}
