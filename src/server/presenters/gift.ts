import type { ClockRow } from '../db/repositories/promises';
import type { FundRow, ProgramRow } from '../db/repositories/funds';
import type { GiftParts, GiftRow } from '../db/repositories/gifts';

/** The staff view of a gift: its money net of appended adjustments, and what hangs off it. */
export function presentGift(
  g: GiftRow,
  contactName: string,
  parts: GiftParts,
  thanksClock: ClockRow | undefined,
  /** For a pledge: what its payments add up to (null for any other kind). */
  pledgePaid: number | null = null,
  /** Who is to thank (the plan's user, when it has one) and a grant's deliverable clocks. */
  more: { thanksUser?: { id: string; name: string }; deliverableClocks?: ClockRow[] } = {},
) {
  const mine = <T extends { giftId: string }>(xs: T[]) => xs.filter((x) => x.giftId === g.id);
  const adjustments = mine(parts.adjustments);
  const net = g.amount === null ? null : g.amount + adjustments.reduce((s, a) => s + a.delta, 0);
  const refunded = -adjustments.filter((a) => a.kind === 'refund').reduce((s, a) => s + a.delta, 0);
  return {
    id: g.id,
    kind: g.kind,
    contact: { id: g.contactId, name: contactName },
    amount: g.amount,
    currency: g.currency,
    netAmount: net,
    refunded,
    pledge:
      pledgePaid === null || net === null
        ? null
        : {
            paid: pledgePaid,
            writtenOff: -adjustments
              .filter((a) => a.kind === 'write_off')
              .reduce((s, a) => s + a.delta, 0),
            balance: Math.max(0, net - pledgePaid),
          },
    receivedOn: g.receivedOn,
    paymentMethod: g.paymentMethod,
    campaign: g.campaign,
    appeal: g.appeal,
    pledgeId: g.pledgeId,
    details: g.details,
    allocations: mine(parts.allocations).map((a) => ({
      fundId: a.fundId,
      fundName: a.fundName,
      amount: a.amount,
    })),
    softCredits: mine(parts.softCredits).map((s) => ({
      contactId: s.contactId,
      contactName: s.contactName,
      type: s.type,
      amount: s.amount ?? g.amount,
      notifyContactId: s.notifyContactId,
    })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      kind: a.kind,
      delta: a.delta,
      reason: a.reason,
      occurredOn: a.occurredOn,
      createdAt: a.createdAt.toISOString(),
    })),
    thanks: mine(parts.thanks).map((t) => ({
      method: t.method,
      note: t.note,
      thankedAt: t.thankedAt.toISOString(),
      userId: t.userId,
    })),
    thanksPromise: thanksClock
      ? {
          state: thanksClock.state,
          dueAt: thanksClock.dueAt?.toISOString() ?? null,
          kept: thanksClock.kept,
        }
      : null,
    thanksPlan: {
      method: g.thanksMethod ?? 'email',
      user: g.thanksUserId ? (more.thanksUser ?? { id: g.thanksUserId, name: '' }) : null,
    },
    deliverables: deliverablesOf(g).map((d, index) => {
      const c = more.deliverableClocks?.filter((x) => x.subjectId === `${g.id}:${index}`).at(-1);
      return {
        index,
        description: d.description,
        dueOn: d.dueOn,
        promise: c
          ? {
              state: c.state,
              dueAt: c.dueAt?.toISOString() ?? null,
              kept: c.kept,
              fulfilledAt: c.fulfilledAt?.toISOString() ?? null,
            }
          : null,
      };
    }),
    createdAt: g.createdAt.toISOString(),
  };
}

const deliverablesOf = (g: GiftRow): { description: string; dueOn: string }[] =>
  g.kind === 'grant' && Array.isArray(g.details.deliverables)
    ? (g.details.deliverables as { description: string; dueOn: string }[])
    : [];
/** A presented gift. */
export type GiftView = ReturnType<typeof presentGift>;

/** The view of a fund. */
export function presentFund(f: FundRow) {
  return {
    id: f.id,
    name: f.name,
    restricted: f.restricted,
    programId: f.programId,
    description: f.description,
    createdAt: f.createdAt.toISOString(),
  };
}

/** The view of a program. */
export function presentProgram(p: ProgramRow) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    createdAt: p.createdAt.toISOString(),
  };
}
