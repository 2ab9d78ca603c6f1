import type { Clock } from '../../../core/clock';
import type { CreateRequestInput } from '../../../shared/schemas/requests';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact } from '../../db/repositories/contacts';
import {
  deskSettingsOf,
  findRequest,
  insertRequest,
  takeRequestNumber,
} from '../../db/repositories/requests';
import { findTeam } from '../../db/repositories/teams';
import { findUser } from '../../db/repositories/users';
import { invalid } from '../../errors';
import { presentRequest, reference, type RequestView } from '../../presenters/request';
import type { Actor } from '../actor';
import { startPromises } from '../promises/clocks';
import { appendToTimeline } from '../timeline/timeline';
import { recordAssignment, routeRequest } from './assign';
import { requestSubject } from './subject';
import { refreshTeamLine } from './team-line';

/** Checks a category against the organization's list (any category while the list is empty). */
export async function checkCategory(
  tx: Executor,
  orgId: string,
  category: string | null | undefined,
) {
  if (!category) return;
  const { categories } = await deskSettingsOf(tx, orgId);
  if (categories.length > 0 && !categories.includes(category)) {
    throw invalid('category', `one of: ${categories.join(', ')}`);
  }
}

/** Checks that a given assignee and team belong to the organization. */
export async function checkAssignment(
  tx: Executor,
  orgId: string,
  given: { assigneeId?: string | null; teamId?: string | null },
) {
  if (given.assigneeId && !(await findUser(tx, orgId, given.assigneeId)))
    throw invalid('assigneeId', 'no such staff user');
  if (given.teamId && !(await findTeam(tx, orgId, given.teamId)))
    throw invalid('teamId', 'no such team');
}

/**
 * Opens a request for a contact: numbered, routed (rules → team → person), on the requester's
 * timeline, its promise clocks started, audited. Runs in the caller's transaction.
 */
export async function createRequest(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: CreateRequestInput,
): Promise<RequestView> {
  const contact = await findContact(tx, actor.orgId, input.requesterId);
  if (!contact) throw invalid('requesterId', 'no such contact');
  await checkCategory(tx, actor.orgId, input.category);
  await checkAssignment(tx, actor.orgId, input);
  const now = clock.now();
  const language = input.language ?? contact.preferredLanguage;
  const routing = await routeRequest(
    tx,
    actor.orgId,
    { category: input.category ?? null, channel: input.channel, language, contact },
    input,
  );
  const row = await insertRequest(tx, {
    orgId: actor.orgId,
    number: await takeRequestNumber(tx, actor.orgId),
    subject: input.subject,
    description: input.description,
    category: input.category ?? null,
    priority: input.priority,
    channel: input.channel,
    requesterId: contact.id,
    language,
    tags: input.tags,
    customFields: input.customFields,
    ...routing,
    createdAt: now,
    updatedAt: now,
  });
  await appendToTimeline(tx, actor, contact.id, {
    kind: 'request',
    channel: input.channel,
    direction: 'inbound',
    summary: `${reference(row)} opened: ${input.subject}`,
    sourceType: 'request',
    sourceId: row.id,
    occurredAt: now,
  });
  if (routing.assigneeId || routing.teamId) await recordAssignment(tx, actor, row, routing, now);
  await startPromises(tx, clock, actor.orgId, await requestSubject(tx, row), now);
  await refreshTeamLine(tx, clock, actor.orgId, row.teamId);
  const view = presentRequest((await findRequest(tx, actor.orgId, row.id))!);
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'request',
    entityId: row.id,
    after: view,
  });
  return view;
}
