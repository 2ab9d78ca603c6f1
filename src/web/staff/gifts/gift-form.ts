import type { GiftKind } from '../../../shared/gifts';
import { parseMoney } from '../../money';

/** One row of a split designation: a fund and the part of the gift it receives (as typed). */
export type AllocationRow = { fundId: string | null; amount: string };
/** One soft credit: who shares the credit, why, and (for a tribute) whom to tell. */
export type SoftCreditRow = {
  contactId: string | null;
  type: string;
  amount: string;
  notifyContactId: string | null;
};
/** A grant's report or deliverable owed to the funder. */
export type DeliverableRow = { description: string; dueOn: string };

/** Everything the record-gift form holds, amounts as the person typed them. */
export type GiftForm = {
  kind: GiftKind;
  contactId: string | null;
  currency: string;
  amount: string;
  receivedOn: string;
  paymentMethod: string;
  campaign: string;
  appeal: string;
  allocations: AllocationRow[];
  softCredits: SoftCreditRow[];
  frequency: string;
  installments: string;
  firstDueOn: string;
  description: string;
  condition: string;
  donorDeclaredValue: string;
  fairMarketValue: string;
  hours: string;
  hourlyRate: string;
  periodFrom: string;
  periodTo: string;
  deliverables: DeliverableRow[];
  sponsored: string;
  note: string;
  /** A payment against this pledge of the donor's (one-time or recurring gifts). */
  pledgeId: string;
};

/** Today as YYYY-MM-DD on the browser's calendar. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A fresh form for `kind`. */
export function emptyForm(currency: string, contactId: string | null = null): GiftForm {
  return {
    kind: 'one_time',
    contactId,
    currency,
    amount: '',
    receivedOn: today(),
    paymentMethod: '',
    campaign: '',
    appeal: '',
    allocations: [],
    softCredits: [],
    frequency: 'monthly',
    installments: '',
    firstDueOn: '',
    description: '',
    condition: '',
    donorDeclaredValue: '',
    fairMarketValue: '',
    hours: '',
    hourlyRate: '',
    periodFrom: '',
    periodTo: '',
    deliverables: [],
    sponsored: '',
    note: '',
    pledgeId: '',
  };
}

/** Kinds whose amount is asked for (a pro-bono gift's is hours × rate, in-kind's its value). */
export const amountKinds: readonly GiftKind[] = [
  'one_time',
  'recurring',
  'pledge',
  'grant',
  'sponsorship',
  'bequest_intention',
];

/** The gift's amount in minor units as the form stands (for the designation's remainder). */
export function giftTotal(f: GiftForm, language: string): number | null {
  if (amountKinds.includes(f.kind)) return parseMoney(f.amount, f.currency, language);
  if (f.kind === 'in_kind') return parseMoney(f.fairMarketValue, f.currency, language);
  if (f.kind === 'pro_bono') {
    const rate = parseMoney(f.hourlyRate, f.currency, language);
    const quarters = Math.round(Number(f.hours.replace(',', '.')) * 4);
    // Hours come in quarters; the server rounds half up the same way.
    return rate === null || !Number.isFinite(quarters) ? null : Math.round((rate * quarters) / 4);
  }
  return null;
}

/** What is left to designate: the gift less the rows typed so far (null while unknown). */
export function remainder(f: GiftForm, language: string): number | null {
  const total = giftTotal(f, language);
  if (total === null) return null;
  let left = total;
  for (const row of f.allocations) left -= parseMoney(row.amount, f.currency, language) ?? 0;
  return left;
}

/** A problem the browser finds before sending: the field's API path and a catalogue key. */
export type LocalProblem = { path: string; key: string };

/**
 * The form as the body of POST /gifts, amounts converted exactly to minor units; or the fields
 * the browser can already tell are wrong (an amount that is not one, a split that does not add up).
 */
export function giftBody(
  f: GiftForm,
  language: string,
): { body: Record<string, unknown> } | { problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const money = (text: string, path: string, optional = false) => {
    if (optional && text.trim() === '') return undefined;
    const minor = parseMoney(text, f.currency, language);
    if (minor === null) problems.push({ path, key: 'errors.amount' });
    return minor ?? undefined;
  };
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const body: Record<string, unknown> = {
    kind: f.kind,
    contactId: f.contactId ?? undefined,
    currency: f.currency,
    receivedOn: f.receivedOn,
    paymentMethod: opt(f.paymentMethod),
    campaign: opt(f.campaign),
    appeal: opt(f.appeal),
  };
  if (!f.contactId) problems.push({ path: 'contactId', key: 'errors.donor' });
  if (amountKinds.includes(f.kind))
    body.amount = money(f.amount, 'amount', f.kind === 'bequest_intention');
  if (f.kind === 'recurring') body.frequency = f.frequency;
  if ((f.kind === 'one_time' || f.kind === 'recurring') && f.pledgeId) body.pledgeId = f.pledgeId;
  if (f.kind === 'pledge' && f.installments.trim())
    body.schedule = {
      frequency: f.frequency,
      installments: Number(f.installments),
      firstDueOn: opt(f.firstDueOn),
    };
  if (f.kind === 'in_kind' || f.kind === 'pro_bono') body.description = f.description.trim();
  if (f.kind === 'in_kind') {
    body.condition = opt(f.condition);
    body.donorDeclaredValue = money(f.donorDeclaredValue, 'donorDeclaredValue', true);
    body.fairMarketValue = money(f.fairMarketValue, 'fairMarketValue', true);
  }
  if (f.kind === 'pro_bono') {
    body.hours = Number(f.hours.replace(',', '.'));
    body.hourlyRate = money(f.hourlyRate, 'hourlyRate');
  }
  if (f.kind === 'grant') {
    body.period = { from: f.periodFrom, to: f.periodTo };
    body.deliverables = f.deliverables
      .filter((d) => d.description.trim() || d.dueOn)
      .map((d) => ({ description: d.description.trim(), dueOn: d.dueOn }));
  }
  if (f.kind === 'sponsorship') body.sponsored = opt(f.sponsored);
  if (f.kind === 'bequest_intention') body.note = opt(f.note);
  if (f.allocations.length > 0) {
    body.allocations = f.allocations.map((row, i) => ({
      fundId: row.fundId ?? '',
      amount: money(row.amount, `allocations.${i}.amount`),
    }));
    const left = remainder(f, language);
    if (left !== null && left !== 0) problems.push({ path: 'allocations', key: 'errors.split' });
  }
  if (f.softCredits.length > 0)
    body.softCredits = f.softCredits.map((row, i) => ({
      contactId: row.contactId ?? '',
      type: row.type,
      amount: money(row.amount, `softCredits.${i}.amount`, true),
      notifyContactId: row.notifyContactId ?? undefined,
    }));
  return problems.length > 0 ? { problems } : { body };
}
