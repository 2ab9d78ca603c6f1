import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import type { GiftRow } from '../../db/repositories/gifts';
import { findOrganization } from '../../db/repositories/organizations';
import { mailableAddress } from '../../db/repositories/outbox';
import { thankedContact } from '../../db/repositories/thanks';
import type { Actor } from '../actor';
import { donorLanguage } from '../contacts/language';
import { queueEmails } from '../email/outbox';
import { appendToTimeline } from '../timeline/timeline';

/** A tribute on a gift: whom it honours or remembers, and whom to tell. */
export type Tribute = {
  contactId: string;
  type: string;
  notifyContactId?: string | null;
};

/**
 * Tells the person a tribute names (a gift in honour or in memory of someone) that the gift was
 * made: a short email in their language — who gave, in whose honour or memory, never how much —
 * through the outbox, and an entry on their timeline. Someone with no working address is skipped.
 */
export async function notifyTributes(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  gift: GiftRow,
  donorName: string,
  tributes: readonly Tribute[],
): Promise<void> {
  const due = tributes.filter(
    (t): t is Tribute & { type: 'in_honour' | 'in_memory'; notifyContactId: string } =>
      (t.type === 'in_honour' || t.type === 'in_memory') && !!t.notifyContactId,
  );
  if (due.length === 0) return;
  const org = await findOrganization(tx, actor.orgId);
  const now = clock.now();
  for (const t of due) {
    const recipient = await mailableAddress(tx, actor.orgId, t.notifyContactId);
    if (!recipient) continue;
    const [notified, honoree] = await Promise.all([
      thankedContact(tx, actor.orgId, t.notifyContactId),
      thankedContact(tx, actor.orgId, t.contactId),
    ]);
    await queueEmails(
      tx,
      [
        {
          orgId: actor.orgId,
          recipient,
          template: 'tribute_notice',
          language: donorLanguage(undefined, notified, org),
          payload: {
            type: t.type,
            donorName,
            honoreeName: honoree?.name ?? '',
            recipientName: notified?.givenName ?? notified?.name ?? null,
            toHonoree: t.notifyContactId === t.contactId,
          },
        },
      ],
      now,
    );
    const why = t.type === 'in_honour' ? 'in honour of' : 'in memory of';
    await appendToTimeline(tx, actor, t.notifyContactId, {
      kind: 'gift',
      channel: 'email',
      direction: 'outbound',
      summary: `Told of a gift from ${donorName} ${why} ${honoree?.name ?? ''}`.trim(),
      sourceType: 'gift',
      sourceId: gift.id,
      occurredAt: now,
    });
  }
}
