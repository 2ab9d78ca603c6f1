import type { Clock } from '../../../core/clock';
import type { RequestStatus } from '../../../shared/requests';
import type { UpdateRequestInput } from '../../../shared/schemas/requests';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  deskSettingsOf,
  findRequest,
  lockRequest,
  updateRequestRow,
  type RequestRow,
} from '../../db/repositories/requests';
import { AppError, notFound } from '../../errors';
import { presentRequest, reference, type RequestView } from '../../presenters/request';
import type { Actor } from '../actor';
import { checkVersion } from '../versioning';
import { cancelPromises, fulfilTarget, startTarget, subjectChanged } from '../promises/clocks';
import { appendToTimeline } from '../timeline/timeline';
import { recordAssignment } from './assign';
import { emailRequester } from '../email/notify';
import { checkAssignment, checkCategory, checkCustomFields } from './create-request';
import { requestSubject } from './subject';
import { inLine, refreshTeamLine } from './team-line';

/** What a status change does to the row's dates. */
function statusDates(from: RequestStatus, to: RequestStatus, now: Date): Partial<RequestRow> {
  if (to === 'solved') return { solvedAt: now };
  if (to === 'closed') return { closedAt: now, ...(from === 'solved' ? {} : { solvedAt: now }) };
  if (from === 'solved') return { solvedAt: null };
  return {};
}

/**
 * Applies a change to a locked request and keeps everything in step: the promise clocks (re-match,
 * pauses, resolution fulfilled on solve and restarted on reopen), the timeline for reassignments
 * and solving, and the audit log. A closed request cannot change.
 */
export async function applyRequestChange(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  current: RequestRow,
  input: UpdateRequestInput,
): Promise<RequestRow> {
  if (current.status === 'closed')
    throw new AppError(
      'request_closed',
      `${reference(current)} is closed; a reply opens a follow-up`,
    );
  await checkCategory(tx, actor.orgId, input.category);
  await checkAssignment(tx, actor.orgId, input);
  const now = clock.now();
  const status = input.status ?? current.status;
  // Custom fields merge: the keys given change, the others stay; null clears one.
  const customFields = input.customFields && { ...current.customFields, ...input.customFields };
  const solving = status !== current.status && (status === 'solved' || status === 'closed');
  if (customFields || solving) {
    const { customFields: definitions } = await deskSettingsOf(tx, actor.orgId);
    checkCustomFields(definitions, customFields ?? current.customFields, {
      solving,
      typesOnlyOf: input.customFields ?? {},
    });
  }
  const row = await updateRequestRow(tx, actor.orgId, current.id, {
    ...input,
    ...(customFields ? { customFields } : {}),
    ...(status !== current.status ? statusDates(current.status, status, now) : {}),
    updatedAt: now,
  });
  const subject = await requestSubject(tx, row);
  if (status === 'solved' && current.status !== 'solved') {
    const { reopenDays } = await deskSettingsOf(tx, actor.orgId);
    await emailRequester(tx, row, now, (recipient) => ({
      template: 'request_solved',
      recipient,
      payload: { reference: reference(row), subject: row.subject, reopenDays },
    }));
  }
  if (status === 'solved' || status === 'closed') {
    await fulfilTarget(tx, clock, actor.orgId, subject, 'resolution', now);
    if (status === 'closed') await cancelPromises(tx, clock, actor.orgId, subject);
  } else if (current.status === 'solved') {
    await startTarget(tx, clock, actor.orgId, subject, 'resolution', now); // reopened
  }
  if (status !== 'closed') await subjectChanged(tx, clock, actor.orgId, subject);
  const reassigned =
    (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId) ||
    (input.teamId !== undefined && input.teamId !== current.teamId);
  if (reassigned)
    await recordAssignment(tx, actor, row, { assigneeId: row.assigneeId, teamId: row.teamId }, now);
  if (
    status !== current.status &&
    (status === 'solved' || status === 'closed' || current.status === 'solved')
  ) {
    await appendToTimeline(tx, actor, row.requesterId, {
      kind: 'request',
      channel: 'system',
      direction: 'internal',
      summary: `${reference(row)} ${current.status === 'solved' && status !== 'closed' ? 'reopened' : status}`,
      sourceType: 'request',
      sourceId: row.id,
      occurredAt: now,
    });
  }
  const leftLine = inLine(current) && (current.teamId !== row.teamId || !inLine(row));
  await refreshTeamLine(
    tx,
    clock,
    actor.orgId,
    row.teamId,
    leftLine && current.teamId === row.teamId ? 1 : 0,
  );
  if (current.teamId !== row.teamId)
    await refreshTeamLine(tx, clock, actor.orgId, current.teamId, leftLine ? 1 : 0);
  const after = (await findRequest(tx, actor.orgId, row.id))!;
  await appendAudit(tx, actor, {
    action: 'update',
    entityType: 'request',
    entityId: row.id,
    before: presentRequest(current),
    after: presentRequest(after),
  });
  return after;
}

/** PATCH a request (If-Match honoured). */
export async function changeRequest(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  input: UpdateRequestInput,
  expectedVersion?: number,
): Promise<RequestView> {
  const current = await lockRequest(tx, actor.orgId, id);
  if (!current) throw notFound('request');
  checkVersion('request', current.version, expectedVersion);
  return presentRequest(await applyRequestChange(tx, clock, actor, current, input));
}
