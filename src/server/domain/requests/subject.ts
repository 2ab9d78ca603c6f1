import type { Executor } from '../../db/connection';
import { findContact, type ContactRow } from '../../db/repositories/contacts';
import type { RequestRow } from '../../db/repositories/requests';
import { AppError } from '../../errors';
import type { Subject } from '../promises/clocks';

/** A request as the promise machinery sees it, from its row and its requester's roles and tags. */
export function subjectOf(r: RequestRow, requester: Pick<ContactRow, 'roles' | 'tags'>): Subject {
  return {
    type: 'request',
    id: r.id,
    status: r.status,
    facts: {
      roles: requester.roles,
      segments: requester.tags,
      category: r.category,
      channel: r.channel,
      priority: r.priority,
    },
  };
}

/** A request as the promise machinery sees it, its requester read from the database. */
export async function requestSubject(db: Executor, r: RequestRow): Promise<Subject> {
  const contact = await findContact(db, r.orgId, r.requesterId);
  if (!contact) throw new AppError('rule_violated', 'the requester no longer exists');
  return subjectOf(r, contact);
}
