import { z } from 'zod';
import { yearIn } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { lapsedDonorRows } from '../../db/repositories/giving-years';
import { findOrganization } from '../../db/repositories/organizations';
import type { Actor } from '../actor';
import { decodeCursor, encodeCursor, type Page } from '../cursor';

/** A lapsed donor as the lists show them. */
export type LapsedView = { contact: { id: string; name: string }; lastGiftOn: string };

const cursor = z.object({ d: z.iso.date(), i: z.uuid() });

/**
 * LYBUNT ("last year but unfortunately not this") or SYBUNT ("some year but…", which includes
 * LYBUNT): donors whose gifts, net of refunds, stopped before this calendar year in the
 * organization's time zone. Pledges and bequest intentions are promises and do not count.
 */
export async function lapsedDonors(
  db: Executor,
  clock: Clock,
  actor: Actor,
  which: 'lybunt' | 'sybunt',
  q: { cursor?: string; limit: number },
): Promise<Page<LapsedView>> {
  const org = await findOrganization(db, actor.orgId);
  const year = yearIn(clock.now(), org?.timeZone ?? 'UTC');
  const rows = await lapsedDonorRows(db, actor.orgId, {
    thisYear: year,
    lastYearOnly: which === 'lybunt',
    after: decodeCursor(q.cursor, cursor),
    limit: q.limit + 1,
  });
  const pageRows = rows.slice(0, q.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((r) => ({
      contact: { id: r.contact_id, name: r.name },
      lastGiftOn: r.last_gift_on,
    })),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ d: last.last_gift_on, i: last.contact_id })
        : null,
  };
}
