import { localDate } from '../../../core/business-time';
import type { Clock } from '../../../core/clock';
import { shareInProportion } from '../../../core/money/share';
import type { ReceiptLanguage } from '../../../shared/schemas/receipts';
import type { ImpactReportQuery } from '../../../shared/schemas/impact';
import type { Executor } from '../../db/connection';
import { findContact } from '../../db/repositories/contacts';
import {
  allocationsWithPrograms,
  impactGifts,
  listImpactUpdates,
  type ImpactUpdateRow,
} from '../../db/repositories/impact';
import { findOrganization } from '../../db/repositories/organizations';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../actor';
import { donorLanguage } from '../contacts/language';

/** An update as a report shows it: in the report's language when translated. */
export type ShownUpdate = {
  id: string;
  periodFrom: string;
  periodTo: string;
  title: string;
  story: string;
  figures: { label: string; value: number; unit: string | null }[];
  /** The language this update is shown in. */
  language: string;
  originalLanguage: string;
  translated: boolean;
};

/** A donor's impact report: their gifts, where each went, and what those programs did. */
export type ImpactReport = {
  contact: { id: string; name: string };
  from: string;
  to: string;
  language: ReceiptLanguage;
  gifts: {
    id: string;
    kind: string;
    receivedOn: string;
    currency: string;
    amount: number | null;
    whereMostNeeded: boolean;
    allocations: {
      fundId: string;
      fundName: string;
      programId: string | null;
      programName: string | null;
      amount: number;
    }[];
  }[];
  totals: { currency: string; amount: number }[];
  programs: { id: string; name: string; updates: ShownUpdate[] }[];
};

/** An update in the language asked when a translation exists, else as written. */
export function showUpdate(u: ImpactUpdateRow, language: ReceiptLanguage): ShownUpdate {
  const t = u.language === language ? undefined : u.translations[language];
  return {
    id: u.id,
    periodFrom: u.periodFrom,
    periodTo: u.periodTo,
    title: t?.title ?? u.title,
    story: t?.story ?? u.story,
    figures: u.figures.map((f, i) => ({
      label: t?.figureLabels?.[i] || f.label,
      value: f.value,
      unit: f.unit ?? null,
    })),
    language: t ? language : u.language,
    originalLanguage: u.language,
    translated: Boolean(t),
  };
}

/** The day a year before a day, plus one: "the last 12 months" up to and including `to`. */
function yearBefore(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A donor's impact report for a period (default: the last 12 months) in a language (default:
 * theirs, else the organization's): their gifts net of refunds with their allocations (fund,
 * program, the allocation's share of the net; none = where most needed) and the updates of those
 * programs whose period overlaps.
 */
export async function impactReport(
  db: Executor,
  clock: Clock,
  actor: Actor,
  contactId: string,
  q: ImpactReportQuery,
): Promise<ImpactReport> {
  const contact = await findContact(db, actor.orgId, contactId);
  const org = await findOrganization(db, actor.orgId);
  if (!contact || !org) throw notFound('contact');
  const to = q.to ?? localDate(clock.now(), org.timeZone);
  const from = q.from ?? yearBefore(to);
  if (from > to) throw invalid('from', 'the period starts after it ends');
  const language = donorLanguage(q.language, contact, org);
  const rows = (await impactGifts(db, actor.orgId, contactId, from, to)).filter(
    (g) => g.net === null || Number(g.net) > 0,
  );
  const allocations = await allocationsWithPrograms(
    db,
    actor.orgId,
    rows.map((g) => g.id),
  );
  const totals = new Map<string, number>();
  const gifts = rows.map((g) => {
    const amount = g.net === null ? null : Number(g.net);
    if (amount !== null) totals.set(g.currency, (totals.get(g.currency) ?? 0) + amount);
    const split = allocations.filter((a) => a.gift_id === g.id);
    // A refund or correction changes the gift, not its split: each fund shows its share of the net.
    const shares =
      amount === null || split.length === 0
        ? split.map((a) => Number(a.amount))
        : shareInProportion(
            amount,
            split.map((a) => Number(a.amount)),
          );
    const parts = split.map((a, i) => ({
      fundId: a.fund_id,
      fundName: a.fund_name,
      programId: a.program_id,
      programName: a.program_name,
      amount: shares[i]!,
    }));
    return {
      id: g.id,
      kind: g.kind,
      receivedOn: g.received_on,
      currency: g.currency,
      amount,
      whereMostNeeded: parts.length === 0,
      allocations: parts,
    };
  });
  const programNames = new Map(
    allocations.filter((a) => a.program_id).map((a) => [a.program_id!, a.program_name!]),
  );
  const updates = programNames.size
    ? await listImpactUpdates(
        db,
        actor.orgId,
        { programIds: [...programNames.keys()], from, to },
        500,
      )
    : [];
  return {
    contact: { id: contact.id, name: contact.name },
    from,
    to,
    language,
    gifts,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    programs: [...programNames].map(([id, name]) => ({
      id,
      name,
      updates: updates.filter((u) => u.u.programId === id).map((u) => showUpdate(u.u, language)),
    })),
  };
}
