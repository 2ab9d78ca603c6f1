import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findContact, updateContactRow, withDetails } from '../../db/repositories/contacts';
import { notFound } from '../../errors';
import { presentContact } from '../../presenters/contact';
import type { Actor } from '../actor';

/**
 * Deletes a contact: it disappears from every list and lookup at once; the row and its timeline
 * stay for the audit trail (a later purge job erases them for good).
 */
export async function deleteContact(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await findContact(tx, actor.orgId, id);
    if (!current) throw notFound('contact');
    const [before] = await withDetails(tx, actor.orgId, [current]);
    await updateContactRow(tx, actor.orgId, id, { deletedAt: clock.now() });
    await appendAudit(tx, actor, {
      action: 'delete',
      entityType: 'contact',
      entityId: id,
      before: presentContact(before!),
    });
  });
}
