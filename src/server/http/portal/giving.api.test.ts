import { describe, expect, it } from 'vitest';
import { buildContact } from '../../../../tests/support/factories';
import { call, f, gift, record, useGiftApi } from '../../../../tests/support/gifts';
import { pdfText } from '../../../../tests/support/pdf';
import { insertPortalSession } from '../../db/repositories/portal';
import { hashSecret, newSecret } from '../../domain/auth/secrets';

useGiftApi();

/** A portal session cookie for a contact, stored as the sign-in link exchange would. */
async function portalCookie(orgId: string, contactId: string) {
  const secret = newSecret('tend_portal_session');
  await insertPortalSession(f.api.database.db, {
    orgId,
    contactId,
    tokenHash: hashSecret(secret),
    createdAt: f.api.clock.now(),
    expiresAt: new Date(f.api.clock.now().getTime() + 86_400_000),
  });
  return { cookie: `tend_portal=${secret}` };
}
const portal = (url: string, cookie: Record<string, string>) =>
  f.api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie });

describe('a donor’s own giving on the portal', () => {
  it('lists their gifts newest first with funds and receipts, and downloads only their own receipts', async () => {
    const ona = await buildContact(f.api.database.db, f.org.org, {
      givenName: 'Ona',
      familyName: 'Šimkutė',
      preferredLanguage: 'lt',
      roles: ['donor'],
    });
    const other = await buildContact(f.api.database.db, f.org.org, { roles: ['donor'] });
    const older = await record(
      gift({
        contactId: ona.id,
        amount: 4000,
        receivedOn: '2026-03-01',
        allocations: [{ fundId: f.food, amount: 4000 }],
      }),
    );
    await record(gift({ contactId: ona.id, amount: 1500, receivedOn: '2026-11-01' }));
    const theirs = await record(gift({ contactId: other.id, amount: 9900 }));
    const mine = (await call('POST', `/gifts/${older.id}/receipts`, {})).json();
    const notMine = (await call('POST', `/gifts/${theirs.id}/receipts`, {})).json();
    await call('POST', `/gifts/${older.id}/refunds`, { amount: 1000 });

    const cookie = await portalCookie(f.org.org.id, ona.id);
    const gifts = await portal('/portal/gifts', cookie);
    expect(gifts.statusCode, gifts.body).toBe(200);
    const data = gifts.json().data;
    expect(data.map((g: { receivedOn: string }) => g.receivedOn)).toEqual([
      '2026-11-01',
      '2026-03-01',
    ]);
    expect(data[1]).toMatchObject({ amount: 3000, currency: 'EUR', funds: ['Food parcels'] });
    expect(data[1].receipts.map((r: { kind: string }) => r.kind)).toEqual(['gift', 'correction']);
    expect(data[1].receipts[0]).toEqual({
      id: mine.id,
      number: mine.number,
      kind: 'gift',
      year: 2026,
    });
    expect(JSON.stringify(data)).not.toContain(theirs.id);

    const pdf = await portal(`/portal/receipts/${mine.id}/pdf`, cookie);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Ona Šimkutė');
    expect(text).toContain(mine.number);

    const refused = await portal(`/portal/receipts/${notMine.id}/pdf`, cookie);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('not_found');
    const otherOrg = await buildContact(f.api.database.db, f.other.org, { roles: ['donor'] });
    const outsider = await portalCookie(f.other.org.id, otherOrg.id);
    expect((await portal(`/portal/receipts/${mine.id}/pdf`, outsider)).statusCode).toBe(404);
    expect((await portal('/portal/gifts', outsider)).json().data).toEqual([]);
  });

  it('lists gifts received without their promises, and their annual statements to download', async () => {
    const rasa = await buildContact(f.api.database.db, f.org.org, {
      givenName: 'Rasa',
      familyName: 'Jankė',
      roles: ['donor'],
    });
    const given = await record(
      gift({ contactId: rasa.id, amount: 2500, receivedOn: '2026-02-01' }),
    );
    await record(
      gift({
        contactId: rasa.id,
        kind: 'pledge',
        amount: 60_000,
        receivedOn: '2026-02-02',
        schedule: { frequency: 'yearly', installments: 3 },
      }),
    );
    await record({
      kind: 'bequest_intention',
      contactId: rasa.id,
      currency: 'EUR',
      receivedOn: '2026-02-03',
    });
    const cookie = await portalCookie(f.org.org.id, rasa.id);
    const gifts = (await portal('/portal/gifts', cookie)).json().data;
    expect(gifts.map((g: { id: string }) => g.id)).toEqual([given.id]);

    expect((await portal('/portal/statements', cookie)).json()).toEqual({ data: [] });
    const first = await call('POST', `/contacts/${rasa.id}/statements`, { year: 2026 });
    expect(first.statusCode, first.body).toBe(201);
    await record(gift({ contactId: rasa.id, amount: 500, receivedOn: '2026-03-01' }));
    const current = (await call('POST', `/contacts/${rasa.id}/statements`, { year: 2026 })).json();
    expect(current.id).not.toBe(first.json().id);
    const res = await portal('/portal/statements', cookie);
    expect(res.statusCode, res.body).toBe(200);
    // Only the current statement of the year: the one it replaced is not offered.
    expect(res.json().data).toEqual([
      { id: current.id, number: current.number, year: 2026, issuedOn: expect.any(String) },
    ]);
    const pdf = await portal(`/portal/receipts/${current.id}/pdf`, cookie);
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).toContain(current.number);
    const stranger = await buildContact(f.api.database.db, f.org.org, { roles: ['donor'] });
    const theirs = await portal(
      '/portal/statements',
      await portalCookie(f.org.org.id, stranger.id),
    );
    expect(theirs.json().data).toEqual([]);
  });

  it('shows their impact report in their language', async () => {
    const jonas = await buildContact(f.api.database.db, f.org.org, {
      givenName: 'Jonas',
      familyName: 'Petraitis',
      preferredLanguage: 'lt',
      roles: ['donor'],
    });
    await record(
      gift({
        contactId: jonas.id,
        amount: 2000,
        allocations: [{ fundId: f.shelter, amount: 2000 }],
      }),
    );
    const res = await portal('/portal/impact', await portalCookie(f.org.org.id, jonas.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contact: { id: jonas.id }, language: 'lt' });
    expect(res.json().gifts[0].allocations[0]).toMatchObject({ fundName: 'General', amount: 2000 });
  });

  it('is closed to staff credentials and to nobody signed in', async () => {
    const staff = await f.api.app.inject({
      method: 'GET',
      url: '/api/v1/portal/gifts',
      headers: { authorization: `Bearer ${f.org.tokens.admin}` },
    });
    expect(staff.statusCode).toBe(401);
    expect((await portal('/portal/impact', {})).statusCode).toBe(401);
    expect((await portal('/portal/statements', {})).statusCode).toBe(401);
  });
});
