import { afterAll, beforeAll, expect } from 'vitest';
import { bearer, staffedOrg, testApi, type Staffed, type TestApi } from './api';
import { buildContact } from './factories';

/**
 * What the gift API tests of one file share: the app, an organization with a donor, a funder
 * and two funds, and another organization. Filled in before the file's tests run.
 */
export const f = {} as {
  api: TestApi;
  org: Staffed;
  other: Staffed;
  donor: { id: string };
  foundation: { id: string };
  food: string;
  shelter: string;
};

/** Calls the API as the organization's fundraiser unless told. */
export const call = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  token = f.org.tokens.fundraiser,
  headers: Record<string, string> = {},
) =>
  f.api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(token), ...headers },
    payload,
  });

/** A one-time gift of €25.00 from the donor, with changes. */
export const gift = (extra: object = {}) => ({
  kind: 'one_time',
  contactId: f.donor.id,
  amount: 2500,
  currency: 'EUR',
  receivedOn: '2026-11-30',
  ...extra,
});

/** Records a gift and expects it stored: the gift read back is the gift answered. */
export async function record(body: object) {
  const res = await call('POST', '/gifts', body);
  expect(res.statusCode, res.body).toBe(201);
  const read = await call('GET', `/gifts/${res.json().id}`);
  expect(read.json()).toEqual(res.json());
  return res.json();
}

/** Asserts an error answer: status, catalogue code and the field it is about. */
export async function expectError(
  body: object,
  status: number,
  code: string,
  path: string,
  url = '/gifts',
) {
  const res = await call('POST', url, body);
  expect(res.statusCode, res.body).toBe(status);
  const error = res.json().error;
  expect(error.code).toBe(code);
  expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
}

/** Builds the app and the organizations before the file's tests, and closes it after. */
export function useGiftApi(): void {
  beforeAll(async () => {
    f.api = await testApi();
    f.api.clock.set(new Date('2026-11-30T08:00:00Z'));
    f.org = await staffedOrg(f.api.database);
    f.other = await staffedOrg(f.api.database);
    f.donor = await buildContact(f.api.database.db, f.org.org, { roles: ['donor'] });
    f.foundation = await buildContact(f.api.database.db, f.org.org, {
      kind: 'organization',
      name: 'Green Foundation',
    } as never);
    const program = await call('POST', '/programs', { name: 'Food bank' }, f.org.tokens.manager);
    expect(program.statusCode, program.body).toBe(201);
    const fund = (name: string, restricted: boolean) =>
      call(
        'POST',
        '/funds',
        { name, restricted, programId: program.json().id },
        f.org.tokens.manager,
      );
    f.food = (await fund('Food parcels', true)).json().id;
    f.shelter = (await fund('General', false)).json().id;
  });
  afterAll(() => f.api.close());
}
