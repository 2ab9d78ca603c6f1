import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { actorFor, buildContact } from '../../../../tests/support/factories';
import { lockAllPlacements } from '../../db/repositories/levels';
import { recordGifts } from '../../domain/gifts/record-gift';

// Gifts posted at the same moment are recorded together, in groups (one lock, one read, one
// write, one commit): each must still come out as if recorded alone, one after the other.
let api: TestApi;
let org: Staffed;
let fund: string;
let friend: string;
const call = (method: 'GET' | 'POST', url: string, payload?: object, token = org.tokens.manager) =>
  api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });
const donor = () => buildContact(api.database.db, org.org, { roles: ['donor'] });
const gift = (contactId: string, amount = 2500, extra: object = {}) => ({
  kind: 'one_time',
  contactId,
  amount,
  currency: 'EUR',
  receivedOn: '2026-11-30',
  allocations: [{ fundId: fund, amount }],
  ...extra,
});
const timeline = async (contactId: string) =>
  (await call('GET', `/contacts/${contactId}/timeline?limit=50`))
    .json()
    .data.map((e: { summary: string }) => e.summary);
const audit = async (entityType: string, entityId: string) =>
  (
    await call(
      'GET',
      `/audit?entityType=${entityType}&entityId=${entityId}`,
      undefined,
      org.tokens.admin,
    )
  ).json().data;

/**
 * Runs `burst` while a transaction holds the organization's placement lock alone (on PGlite, any
 * open transaction holds the database), so the gifts it posts wait and gather into groups
 * instead of each being recorded before the next arrives; lets go after a moment.
 */
async function holdingPlacements<T>(burst: () => Promise<T>): Promise<T> {
  let release!: () => void;
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const hold = api.database.db.transaction(async (tx) => {
    await lockAllPlacements(tx, org.org.id);
    held();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await holding;
  const result = burst();
  await new Promise((resolve) => setTimeout(resolve, 300));
  release();
  await hold;
  return result;
}

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-11-30T12:00:00Z'));
  org = await staffedOrg(api.database);
  fund = (await call('POST', '/funds', { name: 'General', restricted: false })).json().id;
  const level = await call('POST', '/donor-levels', {
    name: 'Friend',
    slug: 'friend',
    minAmount: 5000,
    currency: 'EUR',
    window: 'lifetime',
  });
  expect(level.statusCode, level.body).toBe(201);
  friend = level.json().id;
  // A donor's first gift is thanked by a call within a day; later ones by the default email.
  const policy = await call('POST', '/promise-policies', {
    subjectType: 'gift',
    name: 'First gifts',
    conditions: { segments: ['first-gift'] },
    targets: [{ target: 'thanks', minutes: 24 * 60 }],
    thanks: { method: 'call' },
  });
  expect(policy.statusCode, policy.body).toBe(201);
});
afterAll(() => api.close());

describe('gifts posted at the same moment', () => {
  it('each get their own answer, audit entry and timeline; a donor’s later gifts see the earlier; bad ones fail alone', async () => {
    const [newcomer, spouse, payer, regular, ...others] = await Promise.all(
      Array.from({ length: 9 }, donor),
    );
    const pledge = await call('POST', '/gifts', gift(payer!.id, 9000, { kind: 'pledge' }));
    expect(pledge.statusCode, pledge.body).toBe(201);
    expect((await call('POST', '/gifts', gift(regular!.id, 1000))).statusCode).toBe(201);

    const bodies = [
      gift(newcomer!.id),
      gift(others[0]!.id, 1000),
      gift(newcomer!.id),
      gift('00000000-0000-4000-8000-000000000000'), // no such contact: 400
      gift(others[1]!.id, 3000, { softCredits: [{ contactId: spouse!.id, type: 'spouse' }] }),
      gift(newcomer!.id),
      gift(payer!.id, 3000, { pledgeId: pledge.json().id }),
      gift(others[2]!.id, 3000, { allocations: [{ fundId: fund, amount: 2000 }] }), // 422
      gift(others[3]!.id, 4000),
      gift(others[4]!.id, 2000, { kind: 'recurring', frequency: 'monthly' }),
      gift(regular!.id, 1500),
      gift(others[0]!.id, 500),
    ];
    // While every placement of the organization is held, the burst gathers into groups.
    const answers = await holdingPlacements(() =>
      Promise.all(bodies.map((b) => call('POST', '/gifts', b))),
    );

    expect(answers.map((a) => a.statusCode)).toEqual(
      bodies.map((_, i) => (i === 3 ? 400 : i === 7 ? 422 : 201)),
    );
    expect(answers[3]!.json().error.details[0].path).toBe('contactId');
    expect(answers[7]!.json().error.details[0].path).toBe('allocations');
    const recorded = answers.filter((a) => a.statusCode === 201).map((a) => a.json());
    for (const g of recorded) {
      expect((await call('GET', `/gifts/${g.id}`)).json()).toEqual(g);
      const entries = await audit('gift', g.id);
      expect(entries).toHaveLength(1);
      expect(entries[0].after).toEqual(g);
    }

    // Only a donor's first gift is their first (ids are made in the order gifts are recorded).
    const methods = (contactId: string) =>
      recorded
        .filter((g) => g.contact.id === contactId)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((g) => g.thanksPlan.method);
    expect(methods(newcomer!.id)).toEqual(['call', 'email', 'email']);
    expect(methods(others[0]!.id)).toEqual(['call', 'email']);
    expect(methods(regular!.id)).toEqual(['email']);
    expect(methods(payer!.id)).toEqual(['email']); // the pledge came first

    // The newcomer crossed Friend (€50.00) on their second gift: placed once, one move.
    const summary = (await call('GET', `/contacts/${newcomer!.id}/giving`)).json();
    expect(summary.giftCount).toBe(3);
    expect(summary.totals).toEqual([
      { currency: 'EUR', thisYear: 7500, lastYear: 0, lifetime: 7500 },
    ]);
    expect(summary.level?.slug).toBe('friend');
    const lines = await timeline(newcomer!.id);
    expect(lines.filter((s: string) => s.startsWith('Gave: one-time gift'))).toHaveLength(3);
    expect(lines.filter((s: string) => s.startsWith('Moved to level'))).toEqual([
      'Moved to level Friend',
    ]);
    expect(await audit('contact_level', newcomer!.id)).toHaveLength(1);
    const donors = (await call('GET', `/donor-levels/${friend}/donors`)).json().data;
    expect(
      donors.map((d: { contact: { id: string }; total: number }) => [d.contact.id, d.total]),
    ).toEqual([[newcomer!.id, 7500]]);

    expect((await call('GET', `/gifts/${pledge.json().id}`)).json().pledge.paid).toBe(3000);
    expect(await timeline(spouse!.id)).toEqual([
      expect.stringMatching(/^Soft credit \(spouse\): one-time gift of €30\.00 from /),
    ]);
    expect((await call('GET', `/contacts/${others[2]!.id}/giving`)).json().giftCount).toBe(0);
  });

  it('a group whose write fails is recorded again one by one, and only the bad one fails', async () => {
    const [a, b, c] = await Promise.all([donor(), donor(), donor()]);
    const actor = actorFor(org.users.manager);
    const input = (contactId: string, extra: object = {}) =>
      ({ ...gift(contactId), ...extra }) as Parameters<typeof recordGifts>[2][number]['input'];
    // What the API's schema lets through but PostgreSQL refuses at the write: text no column
    // can hold (the HTTP layer refuses it earlier; the domain must still fail it alone).
    const outcomes = await recordGifts(api.database.db, api.clock, [
      { actor, input: input(a.id) },
      { actor, input: input(b.id, { campaign: 'bad\u0000campaign' }) },
      { actor, input: input(c.id) },
      { actor, input: input(a.id) },
    ]);
    expect(outcomes.map((o) => ('error' in o ? 'error' : 'value'))).toEqual([
      'value',
      'error',
      'value',
      'value',
    ]);
    const views = outcomes.flatMap((o) => ('value' in o ? [o.value] : []));
    for (const v of views)
      expect((await call('GET', `/gifts/${v.id}`)).json()).toEqual(JSON.parse(JSON.stringify(v)));
    // Recorded again in order: the donor's first gift is still the first.
    expect(views.filter((v) => v.contact.id === a.id).map((v) => v.thanksPlan.method)).toEqual([
      'call',
      'email',
    ]);
    expect((await call('GET', `/contacts/${b.id}/giving`)).json().giftCount).toBe(0);
  });
});
