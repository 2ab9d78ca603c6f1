import { beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';
import { call, f, gift, record, useGiftApi } from '../../../../tests/support/gifts';

useGiftApi();

beforeAll(async () => {
  const res = await f.api.app.inject({
    method: 'PATCH',
    url: '/api/v1/organization',
    headers: bearer(f.org.tokens.admin),
    payload: { defaultLanguage: 'lt' },
  });
  expect(res.statusCode, res.body).toBe(200);
});

describe("the donor's language", () => {
  it("is the organization's on the receipt and the thank-you alike when Tend does not write the donor's own", async () => {
    const donor = await buildContact(f.api.database.db, f.org.org, {
      givenName: 'Amélie',
      familyName: 'Durand',
      preferredLanguage: 'fr',
      emails: [{ address: 'amelie.durand@example.org' }],
      roles: ['donor'],
    });
    const g = await record(gift({ contactId: donor.id }));
    const receipt = await call('POST', `/gifts/${g.id}/receipts`, {});
    expect(receipt.statusCode, receipt.body).toBe(201);
    expect(receipt.json().language).toBe('lt');
    const thanks = await call('POST', `/gifts/${g.id}/thanks/send`, {});
    expect(thanks.statusCode, thanks.body).toBe(201);
    expect(thanks.json().thanks.language).toBe('lt');
  });
});
