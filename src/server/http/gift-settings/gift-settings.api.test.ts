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
beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  other = await staffedOrg(api.database);
});
afterAll(() => api.close());

const settings = (
  token: string,
  method: 'GET' | 'PUT' = 'GET',
  payload?: object,
  ifMatch?: string,
) =>
  api.app.inject({
    method,
    url: '/api/v1/gift-settings',
    headers: { ...bearer(token), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    payload,
  });

const body = (extra: object = {}) => ({
  currency: 'EUR',
  majorGiftAmount: 100000,
  receipt: {
    legalName: 'VšĮ Maisto bankas',
    registrationNumber: '123456789',
    address: 'Gedimino pr. 1, Vilnius',
    signatoryName: 'Rūta Kazlauskienė',
    signatoryTitle: 'Direktorė',
  },
  payment: {
    accountName: 'VšĮ Maisto bankas',
    iban: 'LT60 1010 0123 4567 8901',
    bic: 'testlt22',
    bankName: 'Test bankas',
  },
  ...extra,
});

describe('gift settings', () => {
  it('start as defaults at version 0, and are saved under If-Match, audited', async () => {
    const first = await settings(org.tokens.agent);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ currency: 'EUR', majorGiftAmount: null, version: 0 });
    expect(first.json().receipt.legalName).toBeNull();
    expect(first.headers.etag).toBe('"0"');

    const saved = await settings(org.tokens.manager, 'PUT', body(), '"0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      majorGiftAmount: 100000,
      receipt: { legalName: 'VšĮ Maisto bankas', closingText: null },
      payment: { iban: 'LT601010012345678901', bic: 'TESTLT22', cashAt: null },
    });
    expect(saved.headers.etag).toBe('"1"');

    const stale = await settings(org.tokens.admin, 'PUT', body({ currency: 'USD' }), '"0"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');
    expect((await settings(org.tokens.agent)).json().currency).toBe('EUR');

    const next = await settings(
      org.tokens.admin,
      'PUT',
      body({ currency: 'USD', receipt: {} }),
      '"1"',
    );
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({
      currency: 'USD',
      version: 2,
      receipt: { legalName: null },
    });

    const audit = await api.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: bearer(org.tokens.admin),
    });
    const entries = audit
      .json()
      .data.filter((e: { entityType: string }) => e.entityType === 'gift_settings');
    expect(entries).toHaveLength(2);
  });

  it('belong to one organization', async () => {
    await settings(org.tokens.admin, 'PUT', body({ currency: 'GBP' }));
    expect((await settings(other.tokens.admin)).json()).toMatchObject({
      currency: 'EUR',
      version: 0,
    });
  });

  it.each([
    [
      'an IBAN whose check digits fail',
      { payment: { iban: 'LT61 1010 0123 4567 8901' } },
      'payment.iban',
    ],
    ['a malformed BIC', { payment: { bic: 'BANK' } }, 'payment.bic'],
    ['a float amount', { majorGiftAmount: 100.5 }, 'majorGiftAmount'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    [
      'a legal name over 200 characters',
      { receipt: { legalName: 'x'.repeat(201) } },
      'receipt.legalName',
    ],
    ['an unknown receipt field', { receipt: { motto: 'x' } }, 'receipt.motto'],
  ])('refuses %s with 400 and the field', async (_what, extra, path) => {
    const res = await settings(org.tokens.admin, 'PUT', body(extra));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('are read by the roles that read gifts and written by admins and managers only', async () => {
    expect((await settings(org.tokens.fundraiser, 'PUT', body())).statusCode).toBe(403);
    expect((await settings(org.tokens.volunteer_coordinator)).statusCode).toBe(403);
  });
});
