import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';

let api: TestApi;
let org: Staffed;
let other: Staffed;
const patch = (payload: object, token = org.tokens.admin) =>
  api.app.inject({ method: 'PATCH', url: '/api/v1/organization', headers: bearer(token), payload });

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  other = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('organization settings', () => {
  it('lets an admin rename the organization and set the addresses it receives mail at', async () => {
    const res = await patch({
      name: 'Vilniaus maisto bankas',
      timeZone: 'Europe/Vilnius',
      defaultLanguage: 'lt',
      inboundAddresses: ['Pagalba@Foodbank.test', 'help@foodbank.test'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Vilniaus maisto bankas',
      timeZone: 'Europe/Vilnius',
      defaultLanguage: 'lt',
    });
    expect(res.json().inboundAddresses.sort()).toEqual([
      'help@foodbank.test',
      'pagalba@foodbank.test',
    ]);
  });

  it('refuses an address another organization owns with 409, changing nothing', async () => {
    const taken = await patch({ inboundAddresses: ['desk@other.test'] }, other.tokens.admin);
    expect(taken.statusCode, taken.body).toBe(200);
    const res = await patch({ name: 'Renamed', inboundAddresses: ['desk@other.test'] });
    expect(res.statusCode).toBe(409);
    const now = await api.app.inject({
      method: 'GET',
      url: '/api/v1/organization',
      headers: bearer(org.tokens.admin),
    });
    expect(now.json().name).toBe('Vilniaus maisto bankas');
    expect(now.json().inboundAddresses).not.toContain('desk@other.test');
  });

  it('is for admins only, and checks every field', async () => {
    expect((await patch({ name: 'x' }, org.tokens.manager)).statusCode).toBe(403);
    const bad = await patch({ timeZone: 'Mars/Base', inboundAddresses: ['not-an-address'] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['inboundAddresses.0', 'timeZone']);
  });
});
