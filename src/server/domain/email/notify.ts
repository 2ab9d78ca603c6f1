import type { Executor } from '../../db/connection';
import { findContact } from '../../db/repositories/contacts';
import { mailableAddress, threadMessageIds } from '../../db/repositories/outbox';
import type { RequestRow } from '../../db/repositories/requests';
import { findUser } from '../../db/repositories/users';
import { reference } from '../../presenters/request';
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

/**
 * Tells the staff member a request is assigned to that its requester wrote, in their own language;
 * their copy carries a reply address made for them, so answering that email is a staff reply.
 */
export async function emailAssignee(
  tx: Executor,
  request: RequestRow,
  now: Date,
  text: string,
): Promise<boolean> {
  if (!request.assigneeId) return false;
  const user = await findUser(tx, request.orgId, request.assigneeId);
  if (!user?.active) return false;
  const requester = await findContact(tx, request.orgId, request.requesterId);
  await queueEmails(
    tx,
    [
      {
        orgId: request.orgId,
        recipient: user.email,
        template: 'requester_wrote',
        language: user.locale,
        requestId: request.id,
        references: await threadMessageIds(tx, request.orgId, request.id),
        payload: {
          reference: reference(request),
          subject: request.subject,
          requesterName: requester?.name ?? '',
          text,
          staffUserId: user.id,
        },
      },
    ],
    now,
  );
  return true;
}
