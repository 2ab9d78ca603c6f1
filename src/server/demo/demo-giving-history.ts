import { localDate } from '../../core/business-time';
import { seededRandom, type Random } from '../../core/random';
import type { paymentMethods } from '../../shared/gifts';
import type { GiftInput } from '../../shared/schemas/gifts';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The demo's funds by role (demo-giving.ts makes them). */
export type DemoFunds = { general: string; shelter: string; food: string; homework: string };

/** Who the demo's giving history is about, each list in a stable order. */
export type GivingCast = {
  /** People with the donor role. */
  people: string[];
  /** Organizations with the donor role, foundations first. */
  organizations: string[];
  /** People a relationship owner looks after. */
  owned: string[];
  /** Two people of one family: a gift is made in memory of the first, the second is told. */
  tribute: { remembered: string; notify: string } | null;
};

/** One thing that happens in the giving history, at its instant; `ref` names the gift. */
export type GivingStep =
  | { type: 'record'; at: Date; ref: number; gift: GiftInput; pledgeRef?: number }
  | { type: 'thank'; at: Date; ref: number; late?: true }
  | { type: 'refund'; at: Date; ref: number; amount: number; reason: string }
  | { type: 'deliver'; at: Date; ref: number; index: number };

/** At most this many people are given a history, whatever the scale of the demo. */
export const maxDemoDonors = 40;

const smallAmounts = [1000, 2000, 2500, 5000, 5000, 7500, 10000, 10000, 15000, 25000];
const majorAmounts = [50000, 75000, 100000, 150000];
const methods: (typeof paymentMethods)[number][] = [
  'card',
  'card',
  'online',
  'bank_transfer',
  'bank_transfer',
  'cash',
  'cheque',
  'direct_debit',
];

/**
 * Plans about three calendar years of giving, deterministic for a seed: most people give one-time
 * gifts designated to funds, year after year (some stopped last year, some the year before, some
 * are new this year), and one of each other kind happens once: two monthly donors (one stopped),
 * a pledge with its payments, a refunded duplicate, a tribute, an employer match, goods in kind,
 * pro-bono work, a grant with a report delivered and one due, a sponsorship, a bequest intention.
 * Past gifts are thanked within a day (two deliberately late, after the 48-hour promise); the
 * last 40 hours' gifts still wait for their thanks. Steps come in time order.
 */
export function planGivingHistory(
  cast: GivingCast,
  funds: DemoFunds,
  now: Date,
  timeZone: string,
  seed: number,
): GivingStep[] {
  const r = seededRandom(seed);
  const steps: GivingStep[] = [];
  let refs = 0;
  const nowMs = now.getTime();
  const thisYear = Number(localDate(now, timeZone).slice(0, 4));
  // History stops three days ago: anything later is "recent" and still waits for thanks.
  const historyEnd = nowMs - 3 * dayMs;
  const dayOf = (at: number) => localDate(new Date(at), timeZone);
  /** An instant in office hours on a random day of `year`, or null when none is past yet. */
  const inYear = (year: number): number | null => {
    const start = Date.UTC(year, 0, 1);
    const end = Math.min(Date.UTC(year, 11, 31), historyEnd - dayMs);
    if (end < start) return null;
    return start + r.int(0, Math.floor((end - start) / dayMs)) * dayMs + officeMinute(r);
  };
  const gift = (
    at: number,
    input: GiftInput,
    thanks: 'thank' | 'late' | 'none' = 'thank',
    pledgeRef?: number,
  ) => {
    const ref = refs++;
    steps.push({ type: 'record', at: new Date(at), ref, gift: input, pledgeRef });
    if (thanks !== 'none')
      steps.push({
        type: 'thank',
        at: new Date(at + (thanks === 'late' ? r.int(60, 80) : r.int(1, 20)) * hourMs),
        ref,
        ...(thanks === 'late' ? { late: true as const } : {}),
      });
    return ref;
  };
  const base = (contactId: string, at: number) => ({
    contactId,
    currency: 'EUR',
    receivedOn: dayOf(at),
    paymentMethod: r.pick(methods),
    ...campaignOf(at),
  });
  const oneTime = (contactId: string, at: number, amount = pickAmount(r)): GiftInput => ({
    kind: 'one_time',
    ...base(contactId, at),
    amount,
    allocations: designate(r, funds, amount),
  });

  const people = cast.people.slice(0, maxDemoDonors);
  const [monthly, stopped, pledger, lawyer, mourner, employee, bequeather, doubled] = people;
  // Everyone but the two monthly donors gives in their pattern of years.
  let regular = 0;
  const loyal: string[] = [];
  // Two newcomers give for the first time in the last hours, preferably people whose
  // relationship owner is then to call them.
  const candidates = people.length >= 12 ? people.slice(8) : [];
  const owned = candidates.filter((id) => cast.owned.includes(id));
  const newcomers = (owned.length >= 2 ? owned : candidates).slice(-2);
  people.forEach((id) => {
    if (id === monthly || id === stopped) return;
    const p = r.next();
    if (newcomers.includes(id)) return; // their first gift is among the recent ones below
    const years =
      p < 0.45
        ? [thisYear - 2, thisYear - 1, thisYear]
        : p < 0.65
          ? [thisYear - 2, thisYear - 1].filter((y) => y === thisYear - 1 || r.chance(0.5))
          : p < 0.8
            ? [thisYear - 2]
            : [thisYear];
    if (years.length === 3) loyal.push(id);
    for (const year of years)
      for (let k = r.chance(0.25) ? 2 : 1; k > 0; k--) {
        const at = inYear(year);
        if (at === null) continue;
        regular++;
        gift(at, oneTime(id, at), regular === 10 || regular === 30 ? 'late' : 'thank');
      }
  });

  if (monthly) monthlyGifts(monthly, 12, 0, 2000);
  if (stopped) monthlyGifts(stopped, 9, 12, 1500);
  function monthlyGifts(id: string, count: number, endMonthsAgo: number, amount: number) {
    for (let n = 1; n <= count; n++) {
      const at = monthsAgo(now, endMonthsAgo + count - n, 5) + officeMinute(r);
      if (at > historyEnd) continue;
      gift(at, {
        kind: 'recurring',
        ...base(id, at),
        paymentMethod: 'direct_debit',
        amount,
        frequency: 'monthly',
        installment: n,
        allocations: [{ fundId: funds.general, amount }],
      });
    }
  }

  if (pledger) {
    const at = nowMs - 150 * dayMs + officeMinute(r);
    const pledge = gift(at, {
      kind: 'pledge',
      ...base(pledger, at),
      amount: 120000,
      appeal: 'Winter shelter beds',
      schedule: { frequency: 'quarterly', installments: 4, firstDueOn: dayOf(at + 3 * dayMs) },
    });
    for (const after of [3, 94]) {
      const paidAt = at + after * dayMs;
      if (paidAt <= historyEnd)
        gift(
          paidAt,
          {
            kind: 'one_time',
            ...base(pledger, paidAt),
            paymentMethod: 'bank_transfer',
            amount: 30000,
            allocations: [{ fundId: funds.shelter, amount: 30000 }],
          },
          'thank',
          pledge,
        );
    }
  }
  if (lawyer) {
    const at = nowMs - 210 * dayMs + officeMinute(r);
    gift(at, {
      kind: 'pro_bono',
      ...base(lawyer, at),
      paymentMethod: undefined,
      description: 'Legal advice for tenants facing eviction, at the advice desk',
      hours: 12,
      hourlyRate: 6000,
    });
  }
  if (mourner && cast.tribute && !Object.values(cast.tribute).includes(mourner)) {
    const at = nowMs - 62 * dayMs + officeMinute(r);
    gift(at, {
      ...oneTime(mourner, at, 10000),
      softCredits: [
        {
          contactId: cast.tribute.remembered,
          type: 'in_memory',
          notifyContactId: cast.tribute.notify,
        },
      ],
    });
  }
  const [first, second, third, fourth] = cast.organizations;
  if (employee && (second ?? first)) {
    const at = nowMs - 120 * dayMs + officeMinute(r);
    gift(at, oneTime(employee, at, 25000));
    const matchAt = at + 9 * dayMs;
    gift(matchAt, {
      ...oneTime((second ?? first)!, matchAt, 25000),
      paymentMethod: 'bank_transfer',
      campaign: 'Employee giving match',
      softCredits: [{ contactId: employee, type: 'employer_match' }],
    });
  }
  if (fourth ?? first) {
    const at = nowMs - 44 * dayMs + officeMinute(r);
    gift(at, {
      kind: 'in_kind',
      ...base((fourth ?? first)!, at),
      paymentMethod: undefined,
      description: 'Bread and pastries for the food parcels, every Thursday for a month',
      condition: 'new',
    });
  }
  if (first) {
    const at = nowMs - 125 * dayMs + officeMinute(r);
    const report = dayOf(at + 95 * dayMs);
    const grant = gift(at, {
      kind: 'grant',
      ...base(first, at),
      paymentMethod: 'bank_transfer',
      amount: 800000,
      allocations: [{ fundId: funds.homework, amount: 800000 }],
      period: { from: dayOf(at), to: dayOf(at + 364 * dayMs) },
      deliverables: [
        { description: 'Interim report: attendance and results', dueOn: report },
        { description: 'Final report with accounts', dueOn: dayOf(at + 400 * dayMs) },
      ],
    });
    const deliveredAt = at + 90 * dayMs;
    if (deliveredAt <= historyEnd)
      steps.push({ type: 'deliver', at: new Date(deliveredAt), ref: grant, index: 0 });
  }
  if (third ?? first) {
    const at = inYear(thisYear - 1);
    if (at !== null)
      gift(at, {
        kind: 'sponsorship',
        ...base((third ?? first)!, at),
        paymentMethod: 'bank_transfer',
        amount: 150000,
        sponsored: 'Charity fun run',
      });
  }
  if (bequeather) {
    const at = nowMs - 300 * dayMs + officeMinute(r);
    gift(at, {
      kind: 'bequest_intention',
      ...base(bequeather, at),
      paymentMethod: undefined,
      note: 'Told us at the open day that they have left a gift to the shelter in their will',
    });
  }
  if (doubled) {
    // A card payment taken twice: the second is refunded before anyone thanks for it.
    const at = nowMs - 33 * dayMs + officeMinute(r);
    gift(at, { ...oneTime(doubled, at, 5000), paymentMethod: 'online' });
    const twice = gift(
      at + 60_000,
      { ...oneTime(doubled, at, 5000), paymentMethod: 'online' },
      'none',
    );
    steps.push({
      type: 'refund',
      at: new Date(at + 2 * dayMs),
      ref: twice,
      amount: 5000,
      reason: 'Duplicate card payment',
    });
  }

  // The last 40 hours: gifts still waiting for their thank-you (first gifts within the 24 hours
  // their promise gives, the others within the default 48).
  const recent = [
    ...loyal.slice(0, 6).map((id) => ({ id, hoursAgo: r.int(2, 40) })),
    ...newcomers.map((id) => ({ id, hoursAgo: r.int(1, 18) })),
  ];
  for (const { id, hoursAgo } of recent) {
    const at = nowMs - hoursAgo * hourMs - r.int(0, 59) * 60_000;
    gift(at, oneTime(id, at), 'none');
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.ref - b.ref);
}

/** A minute between 08:00 and 16:00 UTC: office hours in Europe. */
const officeMinute = (r: Random) => (8 * 60 + r.int(0, 8 * 60)) * 60_000;

/** Midnight UTC of day `day` of the month `months` before now's. */
function monthsAgo(now: Date, months: number, day: number): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day);
}

function pickAmount(r: Random): number {
  return r.chance(0.06) ? r.pick(majorAmounts) : r.pick(smallAmounts);
}

/** Where a gift goes: undesignated, one fund, or split between two. */
function designate(r: Random, funds: DemoFunds, amount: number) {
  const p = r.next();
  if (p < 0.2) return undefined;
  if (p < 0.9) {
    const fund =
      p < 0.45 ? funds.general : p < 0.65 ? funds.food : p < 0.82 ? funds.shelter : funds.homework;
    return [{ fundId: fund, amount }];
  }
  const half = Math.floor(amount / 2);
  return [
    { fundId: funds.food, amount: half },
    { fundId: funds.shelter, amount: amount - half },
  ];
}

/** The appeal a gift answered, by the month it came in. */
function campaignOf(at: number): { campaign?: string } {
  const d = new Date(at);
  const month = d.getUTCMonth();
  if (month >= 10) return { campaign: `Winter appeal ${d.getUTCFullYear()}` };
  if (month >= 2 && month <= 4) return { campaign: `Spring food drive ${d.getUTCFullYear()}` };
  return {};
}
