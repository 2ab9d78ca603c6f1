import type { Clock } from '../../../core/clock';
import type { ReceiptLanguage } from '../../../shared/schemas/receipts';
import type { Executor } from '../../db/connection';
import type { GiftRow } from '../../db/repositories/gifts';
import { liveStatement, lockStatement, statementLines } from '../../db/repositories/receipts';
import type { Actor } from '../actor';
import { giftLine, type ReceiptContent, type ReceiptGiftLine } from './content';
import { donorContext, writeReceipt, type Issued } from './issue';

/** The lines and per-currency totals of a donor's year: net of refunds, none refunded in full. */
export async function statementOf(tx: Executor, orgId: string, contactId: string, year: number) {
  const lines: ReceiptGiftLine[] = [];
  const totals = new Map<string, number>();
  for (const r of await statementLines(tx, orgId, contactId, year)) {
    const net = r.net === null ? null : Number(r.net);
    if (net !== null && net <= 0) continue;
    const gift = {
      id: r.id,
      kind: r.kind as GiftRow['kind'],
      receivedOn: r.received_on,
      currency: r.currency,
      details: r.details,
    };
    const line = giftLine(gift, net, r.funds ? r.funds.split(', ') : []);
    lines.push(line);
    if (line.amount !== null)
      totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amount);
  }
  return {
    lines,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
  };
}

/** JSON with object keys sorted (jsonb stores keys in its own order). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/**
 * Issues a donor's annual statement: one numbered document listing the year's gifts with
 * totals. Asked again with nothing changed, it answers the same statement; when gifts changed
 * since, a new statement replaces the old one.
 */
export async function issueStatement(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  contactId: string,
  input: { year: number; language?: ReceiptLanguage },
): Promise<Issued> {
  const ctx = await donorContext(tx, actor, contactId, input.language);
  // Before looking for the live statement: otherwise requests at once each find none.
  await lockStatement(tx, actor.orgId, contactId, input.year);
  const { lines, totals } = await statementOf(tx, actor.orgId, contactId, input.year);
  const live = await liveStatement(tx, actor.orgId, contactId, input.year);
  if (live) {
    const printed = live.content as ReceiptContent;
    const same =
      live.language === ctx.language &&
      canonical([printed.lines, printed.totals]) === canonical([lines, totals]);
    if (same) return { receipt: live, created: false };
  }
  const receipt = await writeReceipt(tx, clock, actor, {
    kind: 'statement',
    contactId,
    giftId: null,
    replacesReceiptId: live?.id ?? null,
    language: ctx.language,
    timeZone: ctx.org.timeZone,
    content: (number, issuedOn) => ({
      number,
      language: ctx.language,
      issuedOn,
      organization: ctx.organization,
      donor: ctx.donor,
      statementYear: input.year,
      lines,
      totals,
    }),
  });
  return { receipt, created: true };
}
