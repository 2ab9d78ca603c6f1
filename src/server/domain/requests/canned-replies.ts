import { and, asc, eq } from 'drizzle-orm';
import { fillTemplate, pickTranslation } from '../../../core/text/template';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact } from '../../db/repositories/contacts';
import { findOrganization } from '../../db/repositories/organizations';
import { findRequest } from '../../db/repositories/requests';
import { findUser } from '../../db/repositories/users';
import { cannedReplies } from '../../db/schema';
import { invalid, notFound } from '../../errors';
import { reference } from '../../presenters/request';
import type { Actor } from '../actor';

type CannedRow = typeof cannedReplies.$inferSelect;
const present = (c: CannedRow) => ({
  id: c.id,
  name: c.name,
  bodies: c.bodies,
  updatedAt: c.updatedAt.toISOString(),
});

/** Canned replies of the organization by name. */
export async function cannedReplyList(db: Executor, actor: Actor) {
  const rows = await db
    .select()
    .from(cannedReplies)
    .where(eq(cannedReplies.orgId, actor.orgId))
    .orderBy(asc(cannedReplies.name));
  return rows.map(present);
}

/** Creates a canned reply with its translations. */
export async function createCannedReply(
  db: Executor,
  actor: Actor,
  input: { name: string; bodies: Record<string, string> },
) {
  const [row] = await db
    .insert(cannedReplies)
    .values({ orgId: actor.orgId, ...input })
    .returning();
  await appendAudit(db, actor, {
    action: 'create',
    entityType: 'canned_reply',
    entityId: row!.id,
    after: input,
  });
  return present(row!);
}

/** Changes a canned reply. */
export async function updateCannedReply(
  db: Executor,
  actor: Actor,
  id: string,
  input: { name?: string; bodies?: Record<string, string> },
) {
  const [before] = await db
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.orgId, actor.orgId), eq(cannedReplies.id, id)));
  if (!before) throw notFound('canned reply');
  const [after] = await db
    .update(cannedReplies)
    .set({ ...input, updatedAt: new Date() })
    .where(and(eq(cannedReplies.orgId, actor.orgId), eq(cannedReplies.id, id)))
    .returning();
  await appendAudit(db, actor, {
    action: 'update',
    entityType: 'canned_reply',
    entityId: id,
    before: present(before),
    after: present(after!),
  });
  return present(after!);
}

/**
 * A canned reply written out for one request: in the requester's language (or its base, the
 * organization's, any), with {{requester.name}}, {{requester.first_name}}, {{request.reference}},
 * {{request.subject}}, {{agent.name}} and {{organization.name}} filled in.
 */
export async function renderCannedReply(db: Executor, actor: Actor, id: string, requestId: string) {
  const [canned] = await db
    .select()
    .from(cannedReplies)
    .where(and(eq(cannedReplies.orgId, actor.orgId), eq(cannedReplies.id, id)));
  if (!canned) throw notFound('canned reply');
  const request = await findRequest(db, actor.orgId, requestId);
  if (!request) throw invalid('requestId', 'no such request');
  const contact = await findContact(db, actor.orgId, request.requesterId);
  const org = (await findOrganization(db, actor.orgId))!;
  const agent = actor.userId ? await findUser(db, actor.orgId, actor.userId) : undefined;
  const language = request.language ?? contact?.preferredLanguage ?? org.defaultLanguage;
  const picked = pickTranslation(canned.bodies, language, org.defaultLanguage) ?? {
    language,
    body: '',
  };
  const body = fillTemplate(picked.body, {
    'requester.name': contact?.name ?? '',
    'requester.first_name': contact?.givenName ?? contact?.name ?? '',
    'request.reference': reference(request),
    'request.subject': request.subject,
    'agent.name': agent?.name ?? org.name,
    'organization.name': org.name,
  });
  return { language: picked.language, body };
}
