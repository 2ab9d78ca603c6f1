import type { Actor } from '../actor';
import { donorLanguage } from '../contacts/language';
import type { EmailPlan } from '../email/outbox';
import { timelineRow } from '../timeline/timeline';

/** A tribute on a gift: whom it honours or remembers, and whom to tell. */
export type Tribute = {
  contactId: string;
  type: string;
  notifyContactId?: string | null;
};

/** A contact a tribute names, as the gift's recording reads them. */
export type TributeContact = {
  id: string;
  name: string;
  givenName: string | null;
  preferredLanguage: string | null;
  /** The address Tend writes to them at, if any (outbox mailableAddressOf). */
  email: string | null;
};

/**
 * What telling those a tribute names (a gift in honour or in memory of someone) writes: a short
 * email in their language — who gave, in whose honour or memory, never how much — for the
 * outbox, and an entry on their timeline. Someone with no working address is skipped. Pure: the
 * caller read the contacts (`people`) and writes the result with the gift.
 */
export function tributeNotices(
  actor: Actor,
  gift: { id: string },
  donorName: string,
  tributes: readonly Tribute[],
  people: readonly TributeContact[],
  org: { defaultLanguage: string },
  now: Date,
) {
  const emails: EmailPlan[] = [];
  const timeline: ReturnType<typeof timelineRow>[] = [];
  for (const t of tributes) {
    if ((t.type !== 'in_honour' && t.type !== 'in_memory') || !t.notifyContactId) continue;
    const notified = people.find((p) => p.id === t.notifyContactId);
    if (!notified?.email) continue;
    const honoree = people.find((p) => p.id === t.contactId);
    emails.push({
      orgId: actor.orgId,
      recipient: notified.email,
      template: 'tribute_notice',
      language: donorLanguage(undefined, notified, org),
      payload: {
        type: t.type,
        donorName,
        honoreeName: honoree?.name ?? '',
        recipientName: notified.givenName ?? notified.name ?? null,
        toHonoree: t.notifyContactId === t.contactId,
      },
    });
    const why = t.type === 'in_honour' ? 'in honour of' : 'in memory of';
    timeline.push(
      timelineRow(actor, t.notifyContactId, {
        kind: 'gift',
        channel: 'email',
        direction: 'outbound',
        summary: `Told of a gift from ${donorName} ${why} ${honoree?.name ?? ''}`.trim(),
        sourceType: 'gift',
        sourceId: gift.id,
        occurredAt: now,
      }),
    );
  }
  return { emails, timeline };
}
