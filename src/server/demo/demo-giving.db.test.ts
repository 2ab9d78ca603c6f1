import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../tests/support/database';
import { fixedClock } from '../../core/clock';
import { giftKinds } from '../../shared/gifts';
import { queryRows, type Database } from '../db/connection';
import { systemActor, type Actor } from '../domain/actor';
import { readGiftSettings } from '../domain/gift-settings/gift-settings';
import { listFundPage, listProgramPage } from '../domain/gifts/funds';
import { givingSummary } from '../domain/gifts/giving';
import { lapsedDonors } from '../domain/gifts/lapsed';
import { listGifts, thanksQueue } from '../domain/gifts/read-gifts';
import { listImpactUpdatePage } from '../domain/impact/updates';
import { listLevelDonors, listLevelViews } from '../domain/levels/levels';
import { policyList } from '../domain/promises/policies';
import { createDemoOrganization } from './demo-org';

let database: Database;
let actor: Actor;
const clock = fixedClock(new Date('2026-11-24T12:00:00Z'));

beforeAll(async () => {
  database = await testDatabase();
  const demo = await createDemoOrganization(database, clock, { slug: 'demo-giving' });
  actor = systemActor(demo.org.id);
});
afterAll(() => database.close());

const page = { limit: 200 };

describe('the demo organization’s giving', () => {
  it('has gift settings the portal’s Give page can offer bank transfer and cheque from', async () => {
    const settings = await readGiftSettings(database.db, actor);
    expect(settings).toMatchObject({ currency: 'EUR', majorGiftAmount: 50000 });
    expect(settings.payment.iban).toMatch(/^LT\d{18}$/);
    expect(settings.payment.chequePayableTo).toBeTruthy();
  });

  it('has programs with restricted funds, a general fund and impact updates in four languages', async () => {
    const programs = await listProgramPage(database.db, actor, page);
    expect(programs.data.map((p) => p.name)).toEqual([
      'Emergency housing',
      'Food bank',
      'Homework club',
    ]);
    const funds = (await listFundPage(database.db, actor, page)).data;
    expect(funds.filter((f) => f.restricted)).toHaveLength(3);
    expect(funds.find((f) => !f.restricted)?.name).toBe('General fund');
    const updates = (await listImpactUpdatePage(database.db, actor, page)).data;
    expect(updates).toHaveLength(5);
    for (const u of updates) {
      expect(Object.keys(u.translations).sort()).toEqual(['es', 'lt', 'uk']);
      expect(u.periodTo <= '2026-11-24').toBe(true);
    }
  });

  it('has gifts of every kind, a refund and soft credits', async () => {
    const gifts = (await listGifts(database.db, actor, { limit: 500 })).data;
    expect(gifts.length).toBeGreaterThan(100);
    expect(new Set(gifts.map((g) => g.kind))).toEqual(new Set(giftKinds)); // every kind
    expect(gifts.filter((g) => g.refunded > 0)).toHaveLength(1);
    const credits = gifts.flatMap((g) => g.softCredits.map((s) => s.type));
    expect(credits.sort()).toEqual(['employer_match', 'in_memory']);
    expect(gifts.find((g) => g.kind === 'pledge')?.pledge?.paid).toBeGreaterThan(0);
    const grant = gifts.find((g) => g.kind === 'grant')!;
    expect(grant.deliverables.map((d) => d.promise?.state)).toEqual(['fulfilled', 'running']);
  });

  it('has a thank-you queue of recent gifts, soonest due first', async () => {
    const queue = (await thanksQueue(database.db, actor, page)).data;
    expect(queue.length).toBeGreaterThanOrEqual(6);
    const due = queue.map((g) => g.thanksPromise!.dueAt!);
    expect(due).toEqual([...due].sort());
    expect(due.every((d) => d > clock.now().toISOString())).toBe(true);
    // Newcomers are called by their relationship owner, under the first-gift promise.
    const firsts = queue.filter((g) => g.firstGift);
    expect(firsts.map((g) => g.thanksPlan)).toContainEqual({
      method: 'call',
      user: expect.objectContaining({ name: 'Fiona Fundraiser' }),
    });
    const policies = await policyList(database.db, actor, 'gift');
    expect(policies.map((p) => p.name)).toHaveLength(2);
  });

  it('has lapsed donors: some gave last year but not this year, some only before', async () => {
    const lybunt = (await lapsedDonors(database.db, clock, actor, 'lybunt', page)).data;
    const sybunt = (await lapsedDonors(database.db, clock, actor, 'sybunt', page)).data;
    expect(lybunt.length).toBeGreaterThan(0);
    expect(sybunt.length).toBeGreaterThan(lybunt.length);
    expect(lybunt.every((d) => d.lastGiftOn.startsWith('2025-'))).toBe(true);
  });

  it('places donors in levels, and a donor’s giving summary shows totals and the level', async () => {
    const levels = (await listLevelViews(database.db, actor)).data;
    expect(levels.map((l) => l.slug)).toEqual(['patron', 'champion', 'friend']);
    const friend = levels.find((l) => l.slug === 'friend')!;
    expect(friend.donorCount).toBeGreaterThan(0);
    const donor = (await listLevelDonors(database.db, clock, actor, friend.id, page)).data[0]!;
    const summary = await givingSummary(database.db, clock, actor, donor.contact.id);
    expect(summary.totals[0]!.lifetime).toBeGreaterThan(0);
    expect(summary.level).not.toBeNull();
  });

  it('keeps every thank-you promise but two deliberately late ones, and mails nobody', async () => {
    const clocks = await queryRows<{ state: string; kept: boolean | null; n: number }>(
      database.db,
      sql`select state, kept, count(*)::int as n from promise_clocks
           where org_id = ${actor.orgId} and subject_type = 'gift'
           group by state, kept order by state, kept`,
    );
    const count = (state: string, kept: boolean | null) =>
      clocks.find((c) => c.state === state && c.kept === kept)?.n ?? 0;
    expect(clocks.map((c) => c.state)).not.toContain('breached');
    expect(count('fulfilled', false)).toBe(2);
    expect(count('fulfilled', true)).toBeGreaterThan(100);
    expect(count('cancelled', null)).toBe(1); // the refunded duplicate payment
    const [mail] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from outbox where org_id = ${actor.orgId}`,
    );
    expect(mail!.n).toBe(0);
  });

  it('stays small at a tiny scale: a demo of five contacts still gets made', async () => {
    const tiny = await createDemoOrganization(database, clock, { slug: 'demo-tiny', count: 5 });
    const gifts = await listGifts(database.db, systemActor(tiny.org.id), page);
    expect(gifts.data.length).toBeLessThan(30);
  });
});
