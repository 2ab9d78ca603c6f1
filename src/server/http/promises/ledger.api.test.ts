import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';

let api: TestApi;
let org: Staffed;

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
  api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });

describe('the promise ledger', () => {
  it('gives time to thank only to roles that may read gifts', async () => {
    const start = new Date('2027-03-01T08:00:00Z');
    api.clock.set(start);
    const donor = await buildContact(api.database.db, org.org);
    const gift = await call('POST', '/gifts', org.tokens.fundraiser, {
      kind: 'one_time',
      contactId: donor.id,
      amount: 1000,
      currency: 'EUR',
      receivedOn: '2027-03-01',
    });
    expect(gift.statusCode, gift.body).toBe(201);
    api.clock.set(new Date(start.getTime() + 90 * 60_000));
    const thanked = await call('POST', `/gifts/${gift.json().id}/thanks`, org.tokens.fundraiser, {
      method: 'call',
    });
    expect(thanked.statusCode, thanked.body).toBe(201);
    const url = `/promises/summary?from=${start.toISOString()}&to=2027-03-02T00:00:00Z`;

    const fundraiser = await call('GET', url, org.tokens.fundraiser);
    expect(fundraiser.json().timeToThank).toEqual({ thanked: 1, p50Minutes: 90, p90Minutes: 90 });

    for (const q of [url, `${url}&subjectType=gift`]) {
      const coordinator = await call('GET', q, org.tokens.volunteer_coordinator);
      expect(coordinator.statusCode, coordinator.body).toBe(200);
      expect(coordinator.json().timeToThank).toBeNull();
    }
  });
});
