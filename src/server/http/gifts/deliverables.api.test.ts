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
let funder: { id: string };
const t0 = new Date('2026-12-05T10:00:00Z');
const day = 86_400_000;

const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(org.tokens.fundraiser),
    payload,
  });
const runJobs = () =>
  new JobWorker(api.database, api.clock, jobRegistry({ mail: testMailDeps() }), undefined, [
    org.org.id,
  ]).runDue();
const eventsOf = async (clockId: string) =>
  (
    await api.database.db
      .select({ type: promiseClockEvents.type })
      .from(promiseClockEvents)
      .where(eq(promiseClockEvents.clockId, clockId))
      .orderBy(asc(promiseClockEvents.id))
  ).map((e) => e.type);
const clockOf = async (subjectId: string) =>
  (
    await call('GET', `/promises/clocks?subjectType=grant_deliverable&subjectId=${subjectId}`)
  ).json().data[0];
async function grant(deliverables: { description: string; dueOn: string }[]) {
  const res = await call('POST', '/gifts', {
    kind: 'grant',
    contactId: funder.id,
    amount: 5_000_000,
    currency: 'EUR',
    receivedOn: '2026-12-05',
    period: { from: '2027-01-01', to: '2027-12-31' },
    deliverables,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  api = await testApi();
  api.clock.set(t0);
  org = await staffedOrg(api.database); // time zone: the factory's default (UTC)
  funder = await buildContact(api.database.db, org.org, {
    kind: 'organization',
    name: 'Green Foundation',
  } as never);
});
afterAll(() => api.close());

describe("a grant's deliverables on the promise clock", () => {
  it('starts a clock per deliverable due at the end of its date, warns a week before and breaks it', async () => {
    const g = await grant([
      { description: 'Interim report', dueOn: '2026-12-20' },
      { description: 'Final report', dueOn: '2027-01-31' },
      { description: 'Already past', dueOn: '2026-11-30' },
    ]);
    const end20 = new Date('2026-12-21T00:00:00Z');
    expect(g.deliverables.map((d: { promise: unknown }) => d.promise)).toEqual([
      { state: 'running', dueAt: end20.toISOString(), kept: null, fulfilledAt: null },
      expect.objectContaining({ state: 'running', dueAt: '2027-02-01T00:00:00.000Z' }),
      null,
    ]);
    const c = await clockOf(`${g.id}:0`);
    expect(c).toMatchObject({ target: 'report', policyId: null });

    api.clock.set(new Date(end20.getTime() - 7 * day + 60_000)); // just past the warning
    await runJobs();
    expect(await eventsOf(c.id)).toEqual(['started', 'warned']);
    api.clock.set(new Date(end20.getTime() + 60_000));
    await runJobs();
    expect(await eventsOf(c.id)).toEqual(['started', 'warned', 'breached']);
    expect(await clockOf(`${g.id}:0`)).toMatchObject({ state: 'breached', kept: false });

    // Delivered late: fulfilled, still broken; the gift shows it.
    const late = await call('POST', `/gifts/${g.id}/deliverables/0/delivered`);
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().deliverables[0].promise).toMatchObject({ state: 'fulfilled', kept: false });
    const twice = await call('POST', `/gifts/${g.id}/deliverables/0/delivered`);
    expect(twice.statusCode).toBe(422);
    const timeline = (await call('GET', `/contacts/${funder.id}/timeline`)).json().data;
    expect(timeline[0].summary).toBe('Grant deliverable delivered: Interim report');
  });

  it('keeps the promise of a report delivered in time, and 404s an unknown deliverable', async () => {
    api.clock.set(t0);
    const g = await grant([{ description: 'Report', dueOn: '2027-03-01' }]);
    api.clock.set(new Date(t0.getTime() + 10 * day));
    const res = await call('POST', `/gifts/${g.id}/deliverables/0/delivered`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deliverables[0].promise).toMatchObject({ state: 'fulfilled', kept: true });
    expect((await call('POST', `/gifts/${g.id}/deliverables/1/delivered`)).statusCode).toBe(404);
    const gift = (
      await call('POST', '/gifts', {
        kind: 'one_time',
        contactId: funder.id,
        amount: 100,
        currency: 'EUR',
        receivedOn: '2026-12-05',
      })
    ).json();
    expect((await call('POST', `/gifts/${gift.id}/deliverables/0/delivered`)).statusCode).toBe(404);
    expect(gift.deliverables).toEqual([]);
  });

  it('refuses a promise policy for grant deliverables (they run to their own dates)', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/promise-policies',
      headers: bearer(org.tokens.manager),
      payload: {
        subjectType: 'grant_deliverable',
        name: 'x',
        targets: [{ target: 'report', minutes: 60 }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('targets.0.target');
  });
});

describe('time to thank in the promise ledger', () => {
  it('reports p50 and p90 minutes from gift recorded to thanked over the period', async () => {
    const donor = await buildContact(api.database.db, org.org);
    const start = new Date('2027-02-01T08:00:00Z');
    // Five gifts recorded at `start`, thanked after 60, 120, 180, 240 and 600 minutes.
    const minutes = [60, 120, 180, 240, 600];
    api.clock.set(start);
    const gifts = [];
    for (const _ of minutes) {
      const res = await call('POST', '/gifts', {
        kind: 'one_time',
        contactId: donor.id,
        amount: 1000,
        currency: 'EUR',
        receivedOn: '2027-02-01',
      });
      gifts.push(res.json().id as string);
    }
    for (const [i, m] of minutes.entries()) {
      api.clock.set(new Date(start.getTime() + m * 60_000));
      expect((await call('POST', `/gifts/${gifts[i]}/thanks`, { method: 'call' })).statusCode).toBe(
        201,
      );
    }
    const q = `from=${start.toISOString()}&to=2027-02-02T00:00:00Z`;
    const summary = (await call('GET', `/promises/summary?${q}`)).json();
    // Interpolated: p50 is the 3rd of 5 (180); p90 lies 60% of the way from 240 to 600.
    expect(summary.timeToThank).toEqual({ thanked: 5, p50Minutes: 180, p90Minutes: 456 });
    expect(summary.data[0]).toMatchObject({ subjectType: 'gift', target: 'thanks', kept: 5 });
    const requests = (await call('GET', `/promises/summary?${q}&subjectType=request`)).json();
    expect(requests.timeToThank).toBeNull();
  });
});
