import type { Executor } from '../../db/connection';
import { findContact } from '../../db/repositories/contacts';
import type { RequestRow } from '../../db/repositories/requests';
import { AppError } from '../../errors';
import type { Subject } from '../promises/clocks';

/** A request as the promise machinery sees it: the requester's roles and tags, and its fields. */
export async function requestSubject(db: Executor, r: RequestRow): Promise<Subject> {
  const contact = await findContact(db, r.orgId, r.requesterId);
  if (!contact) throw new AppError('rule_violated', 'the requester no longer exists');
  return {
    type: 'request',
    id: r.id,
    status: r.status,
    facts: {
      roles: contact.roles,
      segments: contact.tags,
      category: r.category,
      channel: r.channel,
      priority: r.priority,
    },
  };
}
