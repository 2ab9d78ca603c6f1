import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';
import { testMailDeps } from '../../../../tests/support/mail';
import { promiseClockEvents } from '../../db/schema';
import { jobRegistry } from '../../jobs/registry';
import { JobWorker } from '../../jobs/worker';

let api: TestApi;
let org: Staffed;
const t0 = new Date('2026-12-05T10:00:00Z'); // a Saturday: the default promise runs round the clock
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

const call = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  token = org.tokens.fundraiser,
) => api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });

async function giftFrom(contactId: string, extra: object = {}) {
  const res = await call('POST', '/gifts', {
    kind: 'one_time',
    contactId,
    amount: 5000,
    currency: 'EUR',
    receivedOn: '2026-12-05',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const runJobs = () =>
  new JobWorker(api.database, api.clock, jobRegistry({ mail: testMailDeps() }), undefined, [
    org.org.id,
  ]).runDue();
const clockOf = async (giftId: string) => {
  const res = await call('GET', `/promises/clocks?subjectType=gift&subjectId=${giftId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data[0];
};
const eventsOf = async (clockId: string) =>
  (
    await api.database.db
      .select({ type: promiseClockEvents.type })
      .from(promiseClockEvents)
      .where(eq(promiseClockEvents.clockId, clockId))
      .orderBy(asc(promiseClockEvents.id))
  ).map((e) => e.type);
const queueIds = async () =>
  (await call('GET', '/gifts/thanks-queue')).json().data.map((g: { id: string }) => g.id);

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('thanks on the clock', () => {
  it('starts a 48-hour thank-you promise with every gift, fulfilled by logging the call', async () => {
    api.clock.set(t0);
    const donor = await buildContact(api.database.db, org.org, { roles: ['donor'] });
    const g = await giftFrom(donor.id);
    expect(g.thanksPromise).toEqual({
      state: 'running',
      dueAt: hours(48).toISOString(),
      kept: null,
    });
    api.clock.set(hours(6));
    const res = await call('POST', `/gifts/${g.id}/thanks`, {
      method: 'call',
      note: 'Spoke to Rūta',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().thanksPromise).toMatchObject({ state: 'fulfilled', kept: true });
    expect(res.json().thanks).toEqual([
      {
        method: 'call',
        note: 'Spoke to Rūta',
        thankedAt: hours(6).toISOString(),
        userId: org.users.fundraiser.id,
      },
    ]);
    expect(await clockOf(g.id)).toMatchObject({ state: 'fulfilled', kept: true, usedMinutes: 360 });
    const timeline = (await call('GET', `/contacts/${donor.id}/timeline`)).json().data;
    expect(timeline[0]).toMatchObject({
      kind: 'thanks',
      channel: 'phone',
      direction: 'outbound',
      summary: 'Thanked by phone for a gift: Spoke to Rūta',
      source: { type: 'gift', id: g.id },
    });
    expect(timeline[1]).toMatchObject({ kind: 'gift', summary: 'Gave: one-time gift of €50.00' });
  });

  it('warns before the due time and breaks the promise when the due time passes unthanked', async () => {
    api.clock.set(t0);
    const donor = await buildContact(api.database.db, org.org);
    const g = await giftFrom(donor.id);
    api.clock.set(hours(37)); // past the warning at 36 hours
    await runJobs();
    const c = await clockOf(g.id);
    expect(c).toMatchObject({ state: 'running', kept: null });
    expect(await eventsOf(c.id)).toEqual(['started', 'warned']);
    api.clock.set(hours(48));
    await runJobs();
    expect(await clockOf(g.id)).toMatchObject({
      state: 'breached',
      kept: false,
      breachedAt: hours(48).toISOString(),
    });
    expect(await eventsOf(c.id)).toEqual(['started', 'warned', 'breached']);
    expect(await queueIds()).toContain(g.id); // broken, still owed
    api.clock.set(hours(60));
    const late = await call('POST', `/gifts/${g.id}/thanks`, { method: 'letter' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().thanksPromise.kept).toBe(false);
    expect(await queueIds()).not.toContain(g.id);
  });

  it('orders the thank-you queue by due time, and a thanked gift leaves it', async () => {
    const donor = await buildContact(api.database.db, org.org);
    api.clock.set(hours(100));
    const later = await giftFrom(donor.id);
    api.clock.set(hours(90));
    const sooner = await giftFrom(donor.id);
    const queue = (await queueIds()).filter((id: string) => [later.id, sooner.id].includes(id));
    expect(queue).toEqual([sooner.id, later.id]);
    await call('POST', `/gifts/${sooner.id}/thanks`, { method: 'email' });
    expect(await queueIds()).not.toContain(sooner.id);
    expect(await queueIds()).toContain(later.id);
  });

  it('follows a gift policy: first gifts thanked within 24 hours, later ones by the default', async () => {
    const policy = await call(
      'POST',
      '/promise-policies',
      {
        subjectType: 'gift',
        name: 'First gifts',
        conditions: { segments: ['first-gift'] },
        targets: [{ target: 'thanks', minutes: 24 * 60 }],
      },
      org.tokens.manager,
    );
    expect(policy.statusCode, policy.body).toBe(201);
    api.clock.set(t0);
    const donor = await buildContact(api.database.db, org.org);
    const first = await giftFrom(donor.id);
    const second = await giftFrom(donor.id);
    expect(first.thanksPromise.dueAt).toBe(hours(24).toISOString());
    expect(second.thanksPromise.dueAt).toBe(hours(48).toISOString());
    expect((await clockOf(first.id)).policyId).toBe(policy.json().id);
  });

  it('refuses a thank-you dated in the future or before the gift', async () => {
    api.clock.set(hours(10));
    const g = await giftFrom((await buildContact(api.database.db, org.org)).id);
    for (const thankedAt of [hours(11), hours(9)]) {
      const res = await call('POST', `/gifts/${g.id}/thanks`, {
        method: 'email',
        thankedAt: thankedAt.toISOString(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('thankedAt');
    }
  });
});
