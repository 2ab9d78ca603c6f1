import type { Executor } from '../../db/connection';
import { findContact } from '../../db/repositories/contacts';
import { mailableAddress, threadMessageIds } from '../../db/repositories/outbox';
import type { RequestRow } from '../../db/repositories/requests';
import { queueEmails, type EmailPlan } from './outbox';

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
