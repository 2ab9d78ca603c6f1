import type { Clock } from '../../../core/clock';
import type { RequestStatus } from '../../../shared/requests';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact } from '../../db/repositories/contacts';
import {
  deskSettingsOf,
  findRequest,
  insertMessage,
  lockRequest,
  messagesOf,
  updateRequestRow,
  type RequestRow,
} from '../../db/repositories/requests';
import type { requestChannels } from '../../../shared/schemas/promises';
import { AppError, notFound } from '../../errors';
import {
  presentMessage,
  presentRequest,
  reference,
  type MessageView,
  type RequestView,
} from '../../presenters/request';
import { actorCan } from '../../policies';
import type { Actor } from '../actor';
import { fulfilTarget, startTarget } from '../promises/clocks';
import { appendToTimeline } from '../timeline/timeline';
import { emailAssignee, emailRequester } from '../email/notify';
import { applyRequestChange } from './change-request';
import { createRequest } from './create-request';
import { requestSubject } from './subject';
import { inLine, refreshTeamLine } from './team-line';

type Channel = (typeof requestChannels)[number];
const dayMs = 86_400_000;

/**
 * A staff member writes on a request. A public reply by a person (never an automatic one) is the
 * first response and answers the pending next response; an internal note changes no clock and
 * never reaches the requester. A status given with it is applied in the same transaction.
 */
export async function addStaffMessage(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  requestId: string,
  input: {
    body: string;
    visibility: 'public' | 'internal';
    status?: RequestStatus;
    channel?: Channel;
    automatic?: boolean;
  },
): Promise<{ message: MessageView; request: RequestView }> {
  let request = await lockRequest(tx, actor.orgId, requestId);
  if (!request) throw notFound('request');
  if (request.status === 'closed')
    throw new AppError(
      'request_closed',
      `${reference(request)} is closed; a reply opens a follow-up`,
    );
  const now = clock.now();
  const automatic = input.automatic ?? false;
  const message = await insertMessage(tx, {
    orgId: actor.orgId,
    requestId,
    visibility: input.visibility,
    author: automatic ? 'system' : 'staff',
    authorUserId: actor.userId,
    channel: input.channel ?? 'api',
    body: input.body,
    automatic,
    createdAt: now,
  });
  if (input.visibility === 'public' && !automatic) {
    const subject = await requestSubject(tx, request);
    await fulfilTarget(tx, clock, actor.orgId, subject, 'first_response', now);
    await fulfilTarget(tx, clock, actor.orgId, subject, 'next_response', now);
    if (!request.firstRespondedAt) {
      const wasInLine = inLine(request);
      request = await updateRequestRow(tx, actor.orgId, requestId, { firstRespondedAt: now });
      await refreshTeamLine(tx, clock, actor.orgId, request.teamId, wasInLine ? 1 : 0);
    }
    await emailRequester(tx, request, now, (recipient) => ({
      template: 'staff_reply',
      recipient,
      messageRowId: message.id,
      payload: {
        reference: reference(request!),
        subject: request!.subject,
        replyText: input.body,
        agentUserId: actor.userId,
      },
    }));
    await appendToTimeline(tx, actor, request.requesterId, {
      kind: 'message',
      channel: message.channel,
      direction: 'outbound',
      summary: `Reply on ${reference(request)}`,
      sourceType: 'request',
      sourceId: requestId,
      occurredAt: now,
    });
  }
  const status = input.status ?? (request.status === 'new' && !automatic ? 'open' : undefined);
  if (status && status !== request.status)
    request = await applyRequestChange(tx, clock, actor, request, { status });
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'request_message',
    entityId: message.id,
    after: { requestId, visibility: message.visibility },
  });
  return {
    message: presentMessage(message),
    request: presentRequest((await findRequest(tx, actor.orgId, request.id))!),
  };
}

function reopensWithin(request: RequestRow, reopenDays: number, now: Date): boolean {
  return (
    request.status === 'solved' &&
    !!request.solvedAt &&
    now.getTime() - request.solvedAt.getTime() <= reopenDays * dayMs
  );
}

/**
 * The requester writes (by email, on the portal…). On an open request it is added and starts the
 * next-response promise (a request waiting on them becomes open again); on a request solved within
 * the organization's reopen window it reopens it; on a closed one, or solved longer ago, it opens a
 * new follow-up request linked to the old one.
 */
export async function addRequesterMessage(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  requestId: string,
  input: {
    body: string;
    channel: Channel;
    emailMessageId?: string | null;
    fromAddress?: string | null;
  },
): Promise<{ message: MessageView; request: RequestView; followUp: boolean }> {
  const request = await lockRequest(tx, actor.orgId, requestId);
  if (!request) throw notFound('request');
  const now = clock.now();
  const { reopenDays } = await deskSettingsOf(tx, actor.orgId);
  if (
    request.status === 'closed' ||
    (request.status === 'solved' && !reopensWithin(request, reopenDays, now))
  ) {
    const followUp = await createRequest(tx, clock, actor, {
      subject: `Re: ${request.subject}`.slice(0, 200),
      description: input.body,
      requesterId: request.requesterId,
      category: request.category,
      priority: request.priority,
      channel: input.channel,
      language: request.language,
      tags: request.tags,
      customFields: {},
      teamId: request.teamId ?? undefined,
      assigneeId: request.assigneeId ?? undefined,
    });
    await updateRequestRow(tx, actor.orgId, followUp.id, { followUpOfId: request.id });
    const message = await insertMessage(tx, {
      orgId: actor.orgId,
      requestId: followUp.id,
      visibility: 'public',
      author: 'requester',
      authorContactId: request.requesterId,
      channel: input.channel,
      body: input.body,
      emailMessageId: input.emailMessageId ?? null,
      fromAddress: input.fromAddress ?? null,
      createdAt: now,
    });
    const opened = (await findRequest(tx, actor.orgId, followUp.id))!;
    await emailAssignee(tx, opened, now, input.body);
    return { message: presentMessage(message), request: presentRequest(opened), followUp: true };
  }
  const message = await insertMessage(tx, {
    orgId: actor.orgId,
    requestId,
    visibility: 'public',
    author: 'requester',
    authorContactId: request.requesterId,
    channel: input.channel,
    body: input.body,
    emailMessageId: input.emailMessageId ?? null,
    fromAddress: input.fromAddress ?? null,
    createdAt: now,
  });
  await appendToTimeline(tx, actor, request.requesterId, {
    kind: 'message',
    channel: input.channel,
    direction: 'inbound',
    summary: `Wrote on ${reference(request)}`,
    sourceType: 'request',
    sourceId: requestId,
    occurredAt: now,
  });
  let current = request;
  if (request.status === 'solved' || request.status === 'waiting_on_requester') {
    current = await applyRequestChange(tx, clock, actor, request, { status: 'open' });
  }
  await startTarget(
    tx,
    clock,
    actor.orgId,
    await requestSubject(tx, current),
    'next_response',
    now,
  );
  await emailAssignee(tx, current, now, input.body);
  return {
    message: presentMessage(message),
    request: presentRequest((await findRequest(tx, actor.orgId, requestId))!),
    followUp: false,
  };
}

/** The conversation; internal notes only for staff. */
export async function listMessages(
  tx: Executor,
  actor: Actor,
  requestId: string,
): Promise<MessageView[]> {
  const request = await findRequest(tx, actor.orgId, requestId);
  if (!request) throw notFound('request');
  return (await messagesOf(tx, actor.orgId, requestId, await mayReadNotes(tx, actor, request))).map(
    presentMessage,
  );
}

/**
 * Whether staff see a request's internal notes: always, except that notes on a client's request
 * are for the roles that serve clients (a fundraiser or a volunteer coordinator sees the public
 * conversation only).
 */
export async function mayReadNotes(
  tx: Executor,
  actor: Actor,
  request: Pick<RequestRow, 'requesterId'>,
): Promise<boolean> {
  if (actorCan(actor, 'requests.client_notes')) return true;
  const requester = await findContact(tx, actor.orgId, request.requesterId);
  return requester ? !requester.roles.includes('client') : false; // unknown: keep them private
}
