import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, staffedOrg, testApi, type TestApi } from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';
import { queryRows } from '../../db/connection';
import { runDailyPlacement } from '../../domain/levels/daily';

let api: TestApi;

/** An organization of the test's own (levels apply to every donor of an organization). */
async function setUp() {
  const org = await staffedOrg(api.database);
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    token = org.tokens.manager,
  ) =>
    api.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    });
  const level = async (slug: string, minAmount: number, extra: object = {}) => {
    const res = await call('POST', '/donor-levels', {
      name: slug[0]!.toUpperCase() + slug.slice(1),
      slug,
      minAmount,
      currency: 'EUR',
      window: 'lifetime',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number; donorCount: number }>();
  };
  const give = async (contactId: string, amount: number, extra: object = {}) => {
    const res = await call('POST', '/gifts', {
      kind: 'one_time',
      contactId,
      amount,
      currency: 'EUR',
      receivedOn: '2026-11-20',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const levelOf = async (contactId: string) => {
    const res = await call('GET', `/contacts/${contactId}/giving`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().level?.slug ?? null;
  };
  const timeline = async (contactId: string) =>
    (await call('GET', `/contacts/${contactId}/timeline?limit=50`))
      .json()
      .data.map((e: { summary: string }) => e.summary);
  const donor = () => buildContact(api.database.db, org.org, { roles: ['donor'] });
  return { org, call, level, give, levelOf, timeline, donor };
}
type World = Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-11-30T12:00:00Z'));
});
afterAll(() => api.close());

describe('placing donors in levels', () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp();
    await w.level('silver', 50_000);
    await w.level('gold', 100_000);
  });

  it('moves a donor into Gold on the gift that crosses it, on their timeline and summary', async () => {
    const d = await w.donor();
    await w.give(d.id, 60_000);
    expect(await w.levelOf(d.id)).toBe('silver');
    await w.give(d.id, 40_000);
    const summary = (await w.call('GET', `/contacts/${d.id}/giving`)).json();
    expect(summary.level).toMatchObject({ name: 'Gold', slug: 'gold' });
    const entries = await w.timeline(d.id);
    expect(entries).toContain('Moved to level Silver');
    expect(entries).toContain('Moved to level Gold (from Silver)');
    // A volunteer coordinator, who may not read gifts, does not see levels on the timeline.
    const theirs = (
      await w.call(
        'GET',
        `/contacts/${d.id}/timeline`,
        undefined,
        w.org.tokens.volunteer_coordinator,
      )
    ).json().data;
    expect(theirs.map((e: { summary: string }) => e.summary)).not.toContain(
      'Moved to level Gold (from Silver)',
    );
    const audit = (
      await w.call('GET', '/audit?entityType=contact_level', undefined, w.org.tokens.admin)
    )
      .json()
      .data.filter((e: { entityId: string }) => e.entityId === d.id);
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('drops a donor back after a refund, and a correction can lift them again', async () => {
    const d = await w.donor();
    const big = await w.give(d.id, 120_000);
    expect(await w.levelOf(d.id)).toBe('gold');
    const refund = await w.call(
      'POST',
      `/gifts/${big.id}/refunds`,
      { amount: 30_000 },
      w.org.tokens.fundraiser,
    );
    expect(refund.statusCode, refund.body).toBe(201);
    expect(await w.levelOf(d.id)).toBe('silver');
    expect(await w.timeline(d.id)).toContain('Moved to level Silver (from Gold)');
    const all = await w.call('POST', `/gifts/${big.id}/refunds`, { amount: 90_000 });
    expect(all.statusCode).toBe(201);
    expect(await w.levelOf(d.id)).toBeNull();
    expect(await w.timeline(d.id)).toContain('Left level Silver');

    const other = await w.donor();
    const typo = await w.give(other.id, 90_000);
    expect(await w.levelOf(other.id)).toBe('silver');
    const fixed = await w.call('POST', `/gifts/${typo.id}/corrections`, {
      delta: 10_000,
      reason: 'Typed 900 instead of 1000',
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(await w.levelOf(other.id)).toBe('gold');
  });

  it('counts only money the donor gave themselves, in the level currency', async () => {
    const d = await w.donor();
    const spouse = await w.donor();
    // Soft credit: the spouse's gift never counts towards the donor's level.
    await w.give(spouse.id, 200_000, { softCredits: [{ contactId: d.id, type: 'spouse' }] });
    expect(await w.levelOf(d.id)).toBeNull();
    expect(await w.levelOf(spouse.id)).toBe('gold');
    // A pledge is a promise, not money received; a payment on it counts.
    const pledge = await w.give(d.id, 500_000, { kind: 'pledge' });
    expect(await w.levelOf(d.id)).toBeNull();
    await w.give(d.id, 50_000, { pledgeId: pledge.id });
    expect(await w.levelOf(d.id)).toBe('silver');
    // Dollars never count towards a level in euros.
    await w.give(d.id, 900_000, { currency: 'USD' });
    expect(await w.levelOf(d.id)).toBe('silver');
  });

  it('lists the donors of a level by name, page by page, with their qualifying totals', async () => {
    const v = await setUp();
    const bronze = await v.level('bronze', 1_000);
    const names = ['Ada', 'Bea', 'Cy'];
    for (const [i, givenName] of names.entries()) {
      const c = await buildContact(api.database.db, v.org.org, { givenName, familyName: 'Zed' });
      await v.give(c.id, 1_000 * (i + 1));
      await v.give(c.id, 500, { currency: 'USD' });
    }
    const first = await v.call(
      'GET',
      `/donor-levels/${bronze.id}/donors?limit=2`,
      undefined,
      v.org.tokens.agent,
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(
      first
        .json()
        .data.map((d: { contact: { name: string }; total: number }) => [d.contact.name, d.total]),
    ).toEqual([
      ['Ada Zed', 1_000],
      ['Bea Zed', 2_000],
    ]);
    const second = await v.call(
      'GET',
      `/donor-levels/${bronze.id}/donors?limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().data.map((d: { total: number }) => d.total)).toEqual([3_000]);
    expect(second.json().nextCursor).toBeNull();
    expect((await v.call('GET', `/donor-levels/${bronze.id}`)).json().donorCount).toBe(3);
  });
});

describe('changing levels places every donor again', () => {
  it('moves donors when a minimum changes, and to the next level down when one is deleted', async () => {
    const w = await setUp();
    const a = await w.donor();
    const b = await w.donor();
    await w.give(a.id, 80_000);
    await w.give(b.id, 30_000);
    // A level created after the gifts places the donors who already reach it.
    const silver = await w.level('silver', 25_000);
    expect(silver.donorCount).toBe(2);
    const gold = await w.level('gold', 100_000);
    expect(gold.donorCount).toBe(0);

    const lowered = await w.call('PATCH', `/donor-levels/${gold.id}`, { minAmount: 75_000 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().donorCount).toBe(1);
    expect(await w.levelOf(a.id)).toBe('gold');
    expect(await w.levelOf(b.id)).toBe('silver');
    expect(await w.timeline(a.id)).toContain('Moved to level Gold (from Silver)');

    const raised = await w.call('PATCH', `/donor-levels/${silver.id}`, { minAmount: 40_000 });
    expect(raised.json().donorCount).toBe(0);
    expect(await w.levelOf(b.id)).toBeNull();
    expect(await w.timeline(b.id)).toContain('Left level Silver');

    expect((await w.call('DELETE', `/donor-levels/${gold.id}`)).statusCode).toBe(204);
    expect(await w.levelOf(a.id)).toBe('silver');
    expect(await w.timeline(a.id)).toContain('Moved to level Silver (from Gold)');
  });

  it('counts a rolling window in the organization’s calendar and the daily job moves donors out', async () => {
    const w = await setUp();
    const annual = await w.level('annual', 10_000, { window: 'last_12_months' });
    const d = await w.donor();
    await w.give(d.id, 10_000, { receivedOn: '2025-12-01' });
    expect(await w.levelOf(d.id)).toBe('annual');
    const old = await w.donor();
    await w.give(old.id, 10_000, { receivedOn: '2025-11-30' }); // a year and a day ago
    expect(await w.levelOf(old.id)).toBeNull();

    // The daily job is scheduled for ten past midnight, organization time (UTC here).
    const rows = await queryRows<{ run_at: Date | string }>(
      api.database.db,
      sql`select run_at from jobs where org_id = ${w.org.org.id} and name = 'levels.daily'`,
    );
    expect(rows.map((r) => new Date(r.run_at).toISOString())).toEqual(['2026-12-01T00:10:00.000Z']);

    const clock = { now: () => new Date('2026-12-01T00:10:00Z') };
    const next = await api.database.db.transaction((tx) =>
      runDailyPlacement(tx, clock, { orgId: w.org.org.id }),
    );
    expect(next).toEqual({ again: new Date('2026-12-02T00:10:00Z') });
    expect(await w.levelOf(d.id)).toBeNull();
    expect(await w.timeline(d.id)).toContain('Left level Annual');
    expect((await w.call('GET', `/donor-levels/${annual.id}`)).json().donorCount).toBe(0);
  });
});

describe('levels in promise policies and routing', () => {
  it('gives a Gold donor’s gift the thank-you clock of the policy that names gold', async () => {
    const w = await setUp();
    await w.level('gold', 100_000);
    const policy = await w.call('POST', '/promise-policies', {
      subjectType: 'gift',
      name: 'Gold donors: thanked within the hour',
      conditions: { segments: ['gold'] },
      targets: [{ target: 'thanks', minutes: 60 }],
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const now = api.clock.now().getTime();
    const d = await w.donor();
    const first = await w.give(d.id, 30_000); // not Gold yet: the default 48 hours
    expect(first.thanksPromise.dueAt).toBe(new Date(now + 48 * 3_600_000).toISOString());
    const crossing = await w.give(d.id, 70_000); // this gift makes them Gold
    expect(crossing.thanksPromise.dueAt).toBe(new Date(now + 3_600_000).toISOString());
    const other = await w.donor();
    const small = await w.give(other.id, 5_000);
    expect(small.thanksPromise.dueAt).toBe(new Date(now + 48 * 3_600_000).toISOString());
  });

  it('routes a Gold donor’s request by a rule whose tier is gold', async () => {
    const w = await setUp();
    await w.level('gold', 100_000);
    const team = await w.call('POST', '/teams', { name: 'Major donors', strategy: 'manual' });
    expect(team.statusCode, team.body).toBe(201);
    const rules = await w.call('PUT', '/routing-rules', {
      rules: [{ teamId: team.json().id, conditions: { tiers: ['gold'] } }],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const gold = await w.donor();
    await w.give(gold.id, 100_000);
    const plain = await w.donor();
    await w.give(plain.id, 99_999);
    const ask = async (requesterId: string) => {
      const res = await w.call('POST', '/requests', {
        subject: 'Where does my gift go?',
        requesterId,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().teamId;
    };
    expect(await ask(gold.id)).toBe(team.json().id);
    expect(await ask(plain.id)).toBeNull();
  });
});
