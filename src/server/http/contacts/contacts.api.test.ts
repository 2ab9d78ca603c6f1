import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, staffedOrg, testApi, type Staffed, type TestApi } from '../../../../tests/support/api';

let api: TestApi;
let org: Staffed;
let token: string;

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  token = org.tokens.agent;
});
afterAll(() => api.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  api.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { ...bearer(token), ...headers }, payload: body as object });

describe('POST /api/v1/contacts', () => {
  it('creates a person with normalized emails and E.164 phones', async () => {
    const res = await post({
      kind: 'person',
      givenName: 'Rūta',
      familyName: 'Žemaitė',
      roles: ['client', 'donor'],
      preferredLanguage: 'lt-lt',
      timeZone: 'Europe/Vilnius',
      emails: [{ address: 'Ruta@Example.ORG' }],
      phones: [{ number: '8 612 34567' }, { number: '+44 7400 123456', primary: true }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.name).toBe('Rūta Žemaitė');
    expect(body.preferredLanguage).toBe('lt-LT');
    expect(body.emails).toEqual([{ address: 'ruta@example.org', label: null, primary: true, bounced: false }]);
    expect(body.phones.map((p: { number: string; primary: boolean }) => [p.number, p.primary])).toEqual([
      ['+447400123456', true],
      ['+37061234567', false],
    ]);
    expect(res.headers.etag).toBe('"1"');
  });
});
