import { afterAll, beforeAll, expect } from 'vitest';
import { giftSettings } from '../../src/server/db/schema';
import { insertPortalSession } from '../../src/server/db/repositories/portal';
import { hashSecret, newSecret } from '../../src/server/domain/auth/secrets';
import type { OrganizationRow } from '../../src/server/db/repositories/organizations';
import { bearer, staffedOrg, testApi, type Staffed, type TestApi } from './api';
import { buildContact } from './factories';

/** The offline payment details the test organizations set (a valid IBAN). */
export const paymentDetails = {
  accountName: 'Vilniaus maisto bankas',
  iban: 'LT601010012345678901',
  bic: 'HABALT22',
  bankName: 'Swedbank',
  chequePayableTo: 'Vilnius Food Bank',
  cashAt: null,
};

/**
 * What the donation API tests of one file share: the app, an organization with payment details,
 * a fund and a donor signed in to the portal, and another organization. Filled in before the
 * file's tests run.
 */
export const d = {} as {
  api: TestApi;
  org: Staffed;
  other: Staffed;
  fund: string;
  donor: { id: string; address: string; cookie: Record<string, string> };
};

let addresses = 0;
/** Calls the API; each call from its own address unless told, so per-IP limits stay out of it. */
export const send = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
  remoteAddress = `10.7.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`,
) => d.api.app.inject({ method, url: `/api/v1${url}`, headers, payload, remoteAddress });

/** Calls the staff API as a role of the organization (the fundraiser unless told). */
export const staff = (
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  token = d.org.tokens.fundraiser,
  headers: Record<string, string> = {},
) => send(method, url, payload, { ...bearer(token), ...headers });

/** Sets an organization's currency and offline payment details. */
export async function setPayment(
  org: OrganizationRow,
  payment: Record<string, string | null>,
  currency = 'EUR',
) {
  await d.api.database.db
    .insert(giftSettings)
    .values({ orgId: org.id, currency, payment })
    .onConflictDoUpdate({ target: giftSettings.orgId, set: { currency, payment } });
}

/** A contact with an address, signed in to the portal (a session stored directly). */
export async function portalDonor(org: OrganizationRow, preferredLanguage = 'lt') {
  const address = `donor.${++addresses}@example.org`;
  const contact = await buildContact(d.api.database.db, org, {
    emails: [{ address }],
    preferredLanguage,
    roles: ['donor'],
  });
  const secret = newSecret('tend_portal');
  await insertPortalSession(d.api.database.db, {
    orgId: org.id,
    contactId: contact.id,
    tokenHash: hashSecret(secret),
    expiresAt: new Date(d.api.clock.now().getTime() + 86_400_000),
  });
  return { id: contact.id, address, cookie: { cookie: `tend_portal=${secret}` } };
}

/** Offers a gift as a signed-in donor and expects it stored. */
export async function give(body: object, donor = d.donor, headers: Record<string, string> = {}) {
  const res = await send('POST', '/portal/donations', body, { ...donor.cookie, ...headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{
    donation: { id: string; reference: string; status: string; giftId: string | null };
    instructions: Record<string, unknown> | null;
  }>();
}

/** A one-time gift of €25.00 by bank transfer, with changes. */
export const offer = (extra: object = {}) => ({
  kind: 'one_time',
  amount: 2500,
  currency: 'EUR',
  paymentMethod: 'bank_transfer',
  ...extra,
});

/** Builds the app, the organizations, a fund and a signed-in donor before the file's tests. */
export function useDonationApi(): void {
  beforeAll(async () => {
    d.api = await testApi();
    d.api.clock.set(new Date('2026-11-30T08:00:00Z'));
    d.org = await staffedOrg(d.api.database);
    d.other = await staffedOrg(d.api.database);
    await setPayment(d.org.org, paymentDetails);
    await setPayment(d.other.org, paymentDetails);
    const fund = await staff(
      'POST',
      '/funds',
      { name: 'Food parcels', restricted: true },
      d.org.tokens.manager,
    );
    expect(fund.statusCode, fund.body).toBe(201);
    d.fund = fund.json<{ id: string }>().id;
    d.donor = await portalDonor(d.org.org);
  });
  afterAll(() => d.api.close());
}
