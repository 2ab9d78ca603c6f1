import { sql } from 'drizzle-orm';
import { localDate } from '../../core/business-time';
import { fixedClock, type Clock } from '../../core/clock';
import type { Db, Executor } from '../db/connection';
import { queryRows } from '../db/connection';
import type { UserRow } from '../db/repositories/users';
import type { Actor } from '../domain/actor';
import { saveGiftSettings } from '../domain/gift-settings/gift-settings';
import { createFund, createProgram } from '../domain/gifts/funds';
import { recordGift } from '../domain/gifts/record-gift';
import { refundGift } from '../domain/gifts/refund-gift';
import { thankGift } from '../domain/gifts/thank-gift';
import { createImpactUpdate } from '../domain/impact/updates';
import { scheduleDailyPlacement } from '../domain/levels/daily';
import { createLevel } from '../domain/levels/levels';
import { placeEveryDonor } from '../domain/levels/place-donor';
import { createPolicy } from '../domain/promises/policies';
import { deliverGrantReport } from '../domain/thanks/deliverables';
import {
  maxDemoDonors,
  planGivingHistory,
  type DemoFunds,
  type GivingCast,
  type GivingStep,
} from './demo-giving-history';
import { demoPrograms, type DemoUpdate } from './demo-impact';

const dayMs = 86_400_000;

/** What the demo's giving came to. */
export type DemoGiving = { gifts: number; donors: number; awaitingThanks: number };

const staffActor = (orgId: string, user: UserRow): Actor => ({
  orgId,
  type: 'user',
  userId: user.id,
  tokenId: null,
  role: user.role,
});

/**
 * Gives the demo organization its giving, through the same domain calls the app makes: gift
 * settings (EUR, a 500 EUR major gift, bank transfer, cheque and cash details for the Give page),
 * three programs with a restricted fund each and their impact updates in four languages, a
 * general fund, three donor levels, two thank-you promises (a call from the relationship owner
 * within 24 hours for a first gift, an email within 48 for any other), about three years of
 * gifts from at most 40 donors (demo-giving-history.ts), each recorded, thanked, refunded or
 * reported on at its own past instant so its promise clock tells a true story. One transaction.
 */
export async function seedDemoGiving(
  db: Db,
  clock: Clock,
  org: { id: string; timeZone: string },
  /** The staff by role: the admin sets up, the fundraiser records and thanks. */
  staff: Record<string, UserRow>,
  opts: { seed?: number } = {},
): Promise<DemoGiving> {
  const now = clock.now();
  const [adminUser, fundraiserUser] = [staff.admin, staff.fundraiser];
  if (!adminUser || !fundraiserUser)
    throw new Error('the demo giving needs an admin and a fundraiser');
  const admin = staffActor(org.id, adminUser);
  const fundraiser = staffActor(org.id, fundraiserUser);
  const thisYear = Number(localDate(now, org.timeZone).slice(0, 4));
  // Set up before the first gift of the history (which starts on 1 January two years ago).
  const setUp = fixedClock(new Date(Date.UTC(thisYear - 2, 0, 1) - 30 * dayMs));
  return db.transaction(async (tx) => {
    await saveGiftSettings(tx, setUp, admin, settings(staff.manager?.name ?? adminUser.name), 0);
    const funds = await createFunds(tx, setUp, admin, now);
    await createLevels(tx, setUp, admin);
    await createGiftPolicies(tx, admin);
    const cast = await castOf(tx, org.id);
    const steps = planGivingHistory(cast, funds, now, org.timeZone, opts.seed ?? 42);
    const actors = new Map(Object.values(staff).map((u) => [u.id, staffActor(org.id, u)]));
    const result = await runSteps(tx, steps, fundraiser, actors);
    // The history placed each donor as of each gift; windows have moved since (and tomorrow's
    // placement is scheduled from today, not from the set-up day).
    await placeEveryDonor(tx, clock, admin);
    await scheduleDailyPlacement(tx, clock, org.id);
    return result;
  });
}

/** The organization's gift settings: EUR, and what the portal's Give page offers. */
function settings(signatory: string) {
  const name = 'Demo Community Services';
  return {
    currency: 'EUR',
    majorGiftAmount: 50000,
    receipt: {
      legalName: name,
      registrationNumber: '302998877',
      address: 'Gedimino pr. 1, LT-01103 Vilnius, Lithuania',
      signatoryName: signatory,
      signatoryTitle: 'Director',
      closingText:
        'Thank you for standing with our neighbours. No goods or services were given in return for this gift.',
    },
    payment: {
      accountName: name,
      iban: 'LT601010012345678901',
      bic: 'HABALT22',
      bankName: 'Swedbank',
      chequePayableTo: name,
      cashAt: 'Our office at Gedimino pr. 1, Vilnius, Monday to Friday 9:00–17:00',
    },
  };
}

/** Programs with their restricted funds and impact updates, and the unrestricted general fund. */
async function createFunds(tx: Executor, clock: Clock, actor: Actor, now: Date) {
  const general = await createFund(tx, clock, actor, {
    name: 'General fund',
    restricted: false,
    description: 'Where the need is greatest: gifts not designated to a program.',
  });
  const funds: DemoFunds = { general: general.id, shelter: '', food: '', homework: '' };
  for (const p of demoPrograms) {
    const program = await createProgram(tx, clock, actor, {
      name: p.name,
      description: p.description,
    });
    const fund = await createFund(tx, clock, actor, {
      name: p.fund.name,
      restricted: true,
      programId: program.id,
      description: p.fund.description,
    });
    funds[p.fund.key] = fund.id;
    for (const u of p.updates) {
      const { months, ...text } = u;
      const period = periodOf(months, now);
      const published = Math.min(Date.parse(`${period.to}T10:00:00Z`) + 5 * dayMs, now.getTime());
      await createImpactUpdate(tx, fixedClock(new Date(published)), actor, program.id, {
        ...text,
        periodFrom: period.from,
        periodTo: period.to,
      });
    }
  }
  return funds;
}

/** The days an update's period runs (see DemoUpdate). */
function periodOf(months: DemoUpdate['months'], now: Date) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (months === 'last-winter') {
    const end = m >= 2 ? y : y - 1; // the winter that ended in February of this year or the last
    return { from: `${end - 1}-12-01`, to: day(Date.UTC(end, 2, 0)) };
  }
  return { from: day(Date.UTC(y, m - months.from, 1)), to: day(Date.UTC(y, m - months.to + 1, 0)) };
}

/** Friend (100 EUR in 12 months), Patron (5,000 EUR ever) and Champion (1,000 EUR ever). */
async function createLevels(tx: Executor, clock: Clock, actor: Actor) {
  const levels = [
    { name: 'Friend', slug: 'friend', minAmount: 10000, window: 'last_12_months' },
    { name: 'Champion', slug: 'champion', minAmount: 100000, window: 'lifetime' },
    { name: 'Patron', slug: 'patron', minAmount: 500000, window: 'lifetime' },
  ] as const;
  for (const l of levels) await createLevel(tx, clock, actor, { ...l, currency: 'EUR' });
}

/** A first gift is thanked by a call from the relationship owner within 24 hours; others by email. */
async function createGiftPolicies(tx: Executor, actor: Actor) {
  const thanks = (minutes: number, warn: number) => ({
    target: 'thanks' as const,
    minutes,
    calendarId: null,
    pauseStatuses: [],
    warnBeforeMinutes: warn,
  });
  await createPolicy(tx, actor, {
    subjectType: 'gift',
    name: 'First gifts: a call within 24 hours',
    description: 'A new donor hears from their relationship owner the next day at the latest.',
    conditions: { segments: ['first-gift'] },
    targets: [thanks(24 * 60, 4 * 60)],
    thanks: { method: 'call', by: 'owner' },
  });
  await createPolicy(tx, actor, {
    subjectType: 'gift',
    name: 'Every gift: a thank-you within 48 hours',
    conditions: {},
    targets: [thanks(48 * 60, 12 * 60)],
    thanks: { method: 'email', by: null },
  });
}

/** The donors the history is about: people and organizations with the donor role, by age. */
async function castOf(tx: Executor, orgId: string): Promise<GivingCast> {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const people = await queryRows<{ id: string; owned: boolean }>(
    tx,
    sql`select id, owner_user_id is not null as owned from contacts
         where org_id = ${orgId} and kind = 'person' and 'donor' = any(roles)
           and deleted_at is null order by id limit ${maxDemoDonors}`,
  );
  const organizations = await queryRows<{ id: string }>(
    tx,
    sql`select id from contacts where org_id = ${orgId} and kind = 'organization'
          and 'donor' = any(roles) and deleted_at is null
        order by organization_type = 'foundation' desc, id limit 4`,
  );
  const [couple] = await queryRows<{ a: string; b: string }>(
    tx,
    sql`select from_contact_id as a, to_contact_id as b from relationships
         where org_id = ${orgId} and type = 'spouse' order by from_contact_id limit 1`,
  );
  return {
    people: ids(people),
    owned: ids(people.filter((p) => p.owned)),
    organizations: ids(organizations),
    tribute: couple ? { remembered: couple.a, notify: couple.b } : null,
  };
}

/** Records, thanks, refunds and reports in time order, each at its own instant. */
async function runSteps(
  tx: Executor,
  steps: GivingStep[],
  recorder: Actor,
  actors: Map<string, Actor>,
): Promise<DemoGiving> {
  const gifts = new Map<number, { id: string; method: 'email' | 'letter' | 'call'; by?: string }>();
  const donors = new Set<string>();
  const settled = new Set<number>(); // thanked, or refunded before anyone thanked
  for (const step of steps) {
    const at = fixedClock(step.at);
    const gift = gifts.get(step.ref);
    if (step.type === 'record') {
      const pledgeId = step.pledgeRef === undefined ? undefined : gifts.get(step.pledgeRef)?.id;
      const view = await recordGift(tx, at, recorder, {
        ...step.gift,
        ...(pledgeId && { pledgeId }),
      });
      gifts.set(step.ref, {
        id: view.id,
        method: view.thanksPlan.method,
        by: view.thanksPlan.user?.id,
      });
      donors.add(view.contact.id);
    } else if (step.type === 'thank') {
      const by = (gift!.by && actors.get(gift!.by)) || recorder;
      await thankGift(tx, at, by, gift!.id, { method: gift!.method });
      settled.add(step.ref);
    } else if (step.type === 'refund') {
      await refundGift(tx, at, recorder, gift!.id, {
        amount: step.amount,
        reason: step.reason,
        refundedOn: step.at.toISOString().slice(0, 10),
      });
      settled.add(step.ref); // wholly refunded: no longer owed a thank-you
    } else {
      await deliverGrantReport(tx, at, recorder, gift!.id, step.index);
    }
  }
  return { gifts: gifts.size, donors: donors.size, awaitingThanks: gifts.size - settled.size };
}
