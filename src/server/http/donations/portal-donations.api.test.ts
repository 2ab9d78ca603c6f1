import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  d,
  give,
  offer,
  portalDonor,
  send,
  setPayment,
  staff,
  useDonationApi,
} from '../../../../tests/support/donations';
import { buildContact, buildOrg } from '../../../../tests/support/factories';
import { mailableAddress } from '../../db/repositories/outbox';
import { contactEmails, outbox } from '../../db/schema';
import { renderEmail } from '../../email/templates';
import { perDonorHourlyLimit } from '../../domain/donations/give-publicly';

useDonationApi();

/**
 * The donation emails this file's organization queued to an address, oldest first (other files
 * on the shared PostgreSQL database write to the same made-up addresses).
 */
async function mailTo(address: string) {
  const rows = await d.api.database.db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, d.org.org.id),
        eq(outbox.recipient, address),
        eq(outbox.template, 'donation_instructions'),
      ),
    );
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function expectProblem(
  res: Awaited<ReturnType<typeof send>>,
  status: number,
  code: string,
  path?: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  const error = res.json<{ error: { code: string; details: { path: string }[] } }>().error;
  expect(error.code).toBe(code);
  if (path) expect(error.details.map((x) => x.path)).toContain(path);
}

describe('GET /public/{org}/giving-options', () => {
  it('offers the funds by name, the currency with its limits, and the methods set up', async () => {
    const res = await send('GET', `/public/${d.org.org.slug}/giving-options`);
    expect(res.statusCode, res.body).toBe(200);
    const options = res.json();
    expect(options.organization.slug).toBe(d.org.org.slug);
    expect(options.currencies).toEqual([
      { currency: 'EUR', minAmount: 100, maxAmount: 100_000_000 },
    ]);
    expect(options.presets).toEqual([1000, 2500, 5000, 10000]);
    expect(options.funds).toEqual([{ id: d.fund, name: 'Food parcels', restricted: true }]);
    // No cash desk is set, so cash is not offered.
    expect(options.methods).toEqual(['bank_transfer', 'cheque']);
    expect(options.kinds).toEqual(['one_time', 'recurring', 'pledge']);
  });

  it('offers no method where the organization set no payment details', async () => {
    const bare = await buildOrg(d.api.database.db);
    const res = await send('GET', `/public/${bare.slug}/giving-options`);
    expect(res.json().methods).toEqual([]);
    expect(res.json().currencies[0].currency).toBe('EUR');
  });

  it('is 404 for an unknown organization', async () => {
    expectProblem(await send('GET', '/public/no-such-org/giving-options'), 404, 'not_found');
  });
});

describe('POST /portal/donations', () => {
  it('gives €25 by bank transfer: pending, a reference, instructions, timeline and email', async () => {
    const { donation, instructions } = await give(offer({ fundId: d.fund, note: 'For winter' }));
    expect(donation).toMatchObject({
      status: 'pending',
      kind: 'one_time',
      amount: 2500,
      currency: 'EUR',
      fund: { id: d.fund, name: 'Food parcels' },
      giftId: null,
      note: 'For winter',
    });
    expect(donation.reference).toMatch(/^D-2026-\d{4}$/);
    expect(instructions).toEqual({
      method: 'bank_transfer',
      reference: donation.reference,
      amount: 2500,
      currency: 'EUR',
      accountName: 'Vilniaus maisto bankas',
      iban: 'LT601010012345678901',
      bic: 'HABALT22',
      bankName: 'Swedbank',
      payableTo: null,
      cashAt: null,
    });

    const timeline = await staff('GET', `/contacts/${d.donor.id}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(timeline.json().data.map((e: { summary: string }) => e.summary)).toContain(
      `Offered a gift of €25.00 by bank transfer, ref ${donation.reference}`,
    );

    const [mail] = await mailTo(d.donor.address);
    expect(mail).toMatchObject({ language: 'lt' });
    const payload = mail!.payload as Parameters<typeof renderEmail<'donation_instructions'>>[2];
    const email = renderEmail('donation_instructions', 'lt', {
      ...payload,
      organizationName: d.org.org.name,
    });
    expect(email.subject).toContain(donation.reference);
    expect(email.text).toContain('LT60 1010 0123 4567 8901'); // grouped as people copy it
    expect(email.text).toMatch(/Prašome pervesti 25,00\s€/);
    expect(email.text).toContain('/giving');
  });

  it('numbers references one after another within the organization', async () => {
    const a = await give(offer());
    const b = await give(offer());
    const n = (ref: string) => Number(ref.slice('D-2026-'.length));
    expect(n(b.donation.reference)).toBe(n(a.donation.reference) + 1);
    const elsewhere = await give(offer(), await portalDonor(d.other.org));
    expect(elsewhere.donation.reference).toBe('D-2026-0001');
  });

  it('records a pledge at once as a pledge gift with its schedule', async () => {
    const { donation, instructions } = await give(
      offer({ kind: 'pledge', amount: 120000, frequency: 'monthly', installments: 12 }),
    );
    expect(donation.status).toBe('received');
    expect(donation.giftId).not.toBeNull();
    expect(instructions).toMatchObject({ method: 'bank_transfer', amount: 120000 });
    const gift = await staff('GET', `/gifts/${donation.giftId}`);
    expect(gift.json()).toMatchObject({
      kind: 'pledge',
      amount: 120000,
      paymentMethod: 'bank_transfer',
      contact: { id: d.donor.id },
      details: { schedule: { frequency: 'monthly', installments: 12 } },
      pledge: { paid: 0, balance: 120000 },
      thanksPromise: { state: 'running' },
    });
  });

  it('replays a retry with the same Idempotency-Key instead of offering twice', async () => {
    const key = { 'idempotency-key': 'give-once-1' };
    const first = await give(offer({ amount: 3000 }), d.donor, key);
    const again = await send('POST', '/portal/donations', offer({ amount: 3000 }), {
      ...d.donor.cookie,
      ...key,
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().donation.id).toBe(first.donation.id);
  });

  const bad: [string, object, number, string, string][] = [
    ['zero', offer({ amount: 0 }), 400, 'validation_failed', 'amount'],
    ['negative', offer({ amount: -2500 }), 400, 'validation_failed', 'amount'],
    ['fractional', offer({ amount: 25.5 }), 400, 'validation_failed', 'amount'],
    ['a string', offer({ amount: '25.00' }), 400, 'validation_failed', 'amount'],
    ['below the smallest', offer({ amount: 99 }), 422, 'rule_violated', 'amount'],
    ['above the largest', offer({ amount: 100_000_001 }), 422, 'rule_violated', 'amount'],
    ['an unknown currency', offer({ currency: 'XYZ' }), 400, 'validation_failed', 'currency'],
    ['a currency not taken', offer({ currency: 'USD' }), 422, 'rule_violated', 'currency'],
    [
      'an unknown fund',
      offer({ fundId: '0190a000-0000-7000-8000-000000000000' }),
      400,
      'validation_failed',
      'fundId',
    ],
    ['cash (not set up)', offer({ paymentMethod: 'cash' }), 422, 'rule_violated', 'paymentMethod'],
    [
      'a card (no provider)',
      offer({ paymentMethod: 'card' }),
      422,
      'rule_violated',
      'paymentMethod',
    ],
    [
      'recurring without frequency',
      offer({ kind: 'recurring' }),
      400,
      'validation_failed',
      'frequency',
    ],
    [
      'one-time with a frequency',
      offer({ frequency: 'monthly' }),
      400,
      'validation_failed',
      'frequency',
    ],
    ['an unknown field', offer({ contactId: 'x' }), 400, 'validation_failed', ''],
  ];
  it.each(bad)('refuses %s', async (_what, body, status, code, path) => {
    const res = await send('POST', '/portal/donations', body, d.donor.cookie);
    expectProblem(res, status, code, path || undefined);
  });

  it('refuses a fund of another organization as unknown', async () => {
    const theirs = await staff(
      'POST',
      '/funds',
      { name: 'Theirs', restricted: false },
      d.other.tokens.manager,
    );
    const res = await send(
      'POST',
      '/portal/donations',
      offer({ fundId: theirs.json().id }),
      d.donor.cookie,
    );
    expectProblem(res, 400, 'validation_failed', 'fundId');
  });

  it('writes to the address thank-yous go to when the primary one bounces', async () => {
    const donor = await portalDonor(d.org.org);
    const db = d.api.database.db;
    // Added in this order, so the older of the two live ones is not the first by address.
    for (const address of ['zed.second@example.org', 'amy.third@example.org'])
      await db.insert(contactEmails).values({ orgId: d.org.org.id, contactId: donor.id, address });
    await db
      .update(contactEmails)
      .set({ bouncedAt: d.api.clock.now() })
      .where(eq(contactEmails.address, donor.address));
    await give(offer(), donor);
    const expected = await mailableAddress(db, d.org.org.id, donor.id);
    expect(expected).toBe('amy.third@example.org');
    expect(await mailTo('amy.third@example.org')).toHaveLength(1);
    expect(await mailTo('zed.second@example.org')).toHaveLength(0);
  });

  it('needs a portal session (a staff token is not one)', async () => {
    expectProblem(await send('POST', '/portal/donations', offer()), 401, 'unauthenticated');
    const res = await staff('POST', '/portal/donations', offer(), d.org.tokens.admin);
    expectProblem(res, 401, 'unauthenticated');
  });
});

describe('GET /portal/donations and cancel', () => {
  it("lists only the donor's own, pending ones with instructions", async () => {
    const someone = await portalDonor(d.org.org, 'es');
    const mine = await give(
      offer({ kind: 'recurring', frequency: 'monthly', amount: 1000 }),
      someone,
    );
    await give(offer());
    const res = await send('GET', '/portal/donations', undefined, someone.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      id: mine.donation.id,
      kind: 'recurring',
      frequency: 'monthly',
      status: 'pending',
      instructions: { reference: mine.donation.reference, iban: 'LT601010012345678901' },
    });
  });

  it('cancels an own pending offer (again answers the same) and not a received pledge', async () => {
    const someone = await portalDonor(d.org.org);
    const { donation } = await give(offer(), someone);
    const url = `/portal/donations/${donation.id}/cancel`;
    const res = await send('POST', url, {}, someone.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', instructions: null });
    expect((await send('POST', url, {}, someone.cookie)).json().status).toBe('cancelled');
    const timeline = await staff('GET', `/contacts/${someone.id}/timeline`);
    expect(timeline.json().data.map((e: { summary: string }) => e.summary)).toContain(
      `Cancelled the offer ${donation.reference} (€25.00)`,
    );
    const pledge = await give(offer({ kind: 'pledge', amount: 5000 }), someone);
    const refused = await send(
      'POST',
      `/portal/donations/${pledge.donation.id}/cancel`,
      {},
      someone.cookie,
    );
    expectProblem(refused, 409, 'conflict');
  });

  it("answers 404 for another contact's donation", async () => {
    const { donation } = await give(offer());
    const stranger = await portalDonor(d.org.org);
    const res = await send('POST', `/portal/donations/${donation.id}/cancel`, {}, stranger.cookie);
    expectProblem(res, 404, 'not_found');
    const after = await staff('GET', `/donations/${donation.id}`);
    expect(after.json().status).toBe('pending');
    const elsewhere = await portalDonor(d.other.org);
    const list = await send('GET', '/portal/donations', undefined, elsewhere.cookie);
    expect(list.json().data).toEqual([]);
  });
});

describe('POST /public/{org}/donations', () => {
  const url = () => `/public/${d.org.org.slug}/donations`;
  const visitor = (extra: object = {}) =>
    offer({ name: 'Rūta Petraitė', email: 'ruta.public@example.org', language: 'lt', ...extra });

  it('creates the donor by email, in their language, and emails the instructions', async () => {
    const res = await send('POST', url(), visitor());
    expect(res.statusCode, res.body).toBe(201);
    const { donation, instructions } = res.json();
    expect(donation.status).toBe('pending');
    expect(instructions.reference).toBe(donation.reference);
    const found = await staff('GET', '/contacts?q=ruta.public@example.org');
    const [contact] = found.json().data;
    expect(contact).toMatchObject({
      name: 'Rūta Petraitė',
      preferredLanguage: 'lt',
      roles: ['donor'],
    });
    const [mail] = await mailTo('ruta.public@example.org');
    expect(mail).toMatchObject({ language: 'lt' });

    // The same address again: the same contact, not a second one.
    const again = await send('POST', url(), visitor({ amount: 5000 }));
    expect(again.statusCode, again.body).toBe(201);
    const list = await staff('GET', '/donations?status=pending&limit=200');
    const theirs = list
      .json()
      .data.filter((x: { contact: { id: string } }) => x.contact.id === contact.id);
    expect(theirs).toHaveLength(2);
  });

  it('finds a client by their address but leaves their roles alone (anyone can type an address)', async () => {
    const client = await buildContact(d.api.database.db, d.org.org, {
      emails: [{ address: 'client.gives@example.org' }],
      roles: ['client'],
    });
    const res = await send('POST', url(), visitor({ email: 'client.gives@example.org' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().donation).toMatchObject({ status: 'pending', giftId: null });
    const after = await staff('GET', `/contacts/${client.id}`);
    expect(after.json().roles).toEqual(['client']);
    const pledge = await send(
      'POST',
      url(),
      visitor({ email: 'client.gives@example.org', kind: 'pledge', amount: 9000 }),
    );
    expect(pledge.statusCode, pledge.body).toBe(201);
    expect((await staff('GET', `/contacts/${client.id}`)).json().roles).toEqual(['client']);
    const gifts = await staff('GET', `/gifts?contactId=${client.id}`);
    expect(gifts.json().data).toEqual([]);
  });

  it('keeps a public pledge pending until the contact signs in by the emailed link and confirms it', async () => {
    const client = await buildContact(d.api.database.db, d.org.org, {
      emails: [{ address: 'pledger@example.org' }],
      roles: ['client'],
    });
    const res = await send(
      'POST',
      url(),
      visitor({
        email: 'pledger@example.org',
        kind: 'pledge',
        amount: 60000,
        frequency: 'monthly',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { donation } = res.json();
    expect(donation).toMatchObject({ kind: 'pledge', status: 'pending', giftId: null });

    const [mail] = await mailTo('pledger@example.org');
    const payload = mail!.payload as Parameters<typeof renderEmail<'donation_instructions'>>[2];
    expect(payload.confirm).toBe(true);
    const email = renderEmail('donation_instructions', 'en', {
      ...payload,
      organizationName: d.org.org.name,
    });
    expect(email.text).toContain('not recorded until you confirm it');
    const secret = payload.portalLink.split('#')[1]!;
    expect(payload.portalLink).toContain(`/p/${d.org.org.slug}/sign-in#`);

    const opened = await send('POST', `/public/${d.org.org.slug}/portal/session`, {
      token: secret,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().next).toBe('/giving');
    const session = /tend_portal=([^;]+)/.exec(String(opened.headers['set-cookie']))![1]!;
    const cookie = { cookie: `tend_portal=${session}` };
    const stranger = await portalDonor(d.org.org);
    const confirmUrl = `/portal/donations/${donation.id}/confirm`;
    expectProblem(await send('POST', confirmUrl, {}, stranger.cookie), 404, 'not_found');

    const confirmed = await send('POST', confirmUrl, {}, cookie);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'received', kind: 'pledge' });
    const giftId = confirmed.json().giftId;
    expect((await send('POST', confirmUrl, {}, cookie)).json().giftId).toBe(giftId);
    const gift = await staff('GET', `/gifts/${giftId}`);
    expect(gift.json()).toMatchObject({
      kind: 'pledge',
      amount: 60000,
      contact: { id: client.id },
      details: { schedule: { frequency: 'monthly' } },
    });
    expect((await staff('GET', `/contacts/${client.id}`)).json().roles).toEqual([
      'client',
      'donor',
    ]);
  });

  it('lets staff confirm a public pledge (not receive it), and the link is single-use', async () => {
    const res = await send(
      'POST',
      url(),
      visitor({ email: 'staff.confirms@example.org', kind: 'pledge', amount: 5000 }),
    );
    const { donation } = res.json();
    const received = await staff('POST', `/donations/${donation.id}/receive`, {
      receivedOn: '2026-11-30',
    });
    expectProblem(received, 409, 'conflict');
    const confirmed = await staff('POST', `/donations/${donation.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'received', channel: 'web' });
    const gift = await staff('GET', `/gifts/${confirmed.json().giftId}`);
    expect(gift.json().kind).toBe('pledge');

    const [mail] = await mailTo('staff.confirms@example.org');
    const token = (mail!.payload as { portalLink: string }).portalLink.split('#')[1]!;
    const session = `/public/${d.org.org.slug}/portal/session`;
    expect((await send('POST', session, { token })).statusCode).toBe(200);
    expectProblem(await send('POST', session, { token }), 401, 'unauthenticated');
  });

  it('refuses to confirm a gift that is not a pledge', async () => {
    const { donation } = await give(offer());
    const res = await send('POST', `/portal/donations/${donation.id}/confirm`, {}, d.donor.cookie);
    expectProblem(res, 409, 'conflict');
  });

  it('refuses a filled honeypot and stores nothing', async () => {
    const res = await send(
      'POST',
      url(),
      visitor({ email: 'robot@example.org', website: 'http://spam' }),
    );
    expectProblem(res, 422, 'spam_rejected');
    expect(await mailTo('robot@example.org')).toEqual([]);
    const found = await staff('GET', '/contacts?q=robot@example.org');
    expect(found.json().data).toEqual([]);
  });

  it('refuses a bad email, a missing name, and a body over its size limit', async () => {
    expectProblem(
      await send('POST', url(), visitor({ email: 'not-an-email' })),
      400,
      'validation_failed',
      'email',
    );
    expectProblem(
      await send('POST', url(), visitor({ name: '' })),
      400,
      'validation_failed',
      'name',
    );
    const huge = await send('POST', url(), visitor({ note: 'x'.repeat(20_000) }));
    expect(huge.statusCode).toBe(413);
  });

  it('limits offers per address an hour and posts per IP a minute', async () => {
    const email = 'busy.donor@example.org';
    for (let i = 0; i < perDonorHourlyLimit; i++)
      expect((await send('POST', url(), visitor({ email }))).statusCode).toBe(201);
    expectProblem(await send('POST', url(), visitor({ email })), 429, 'rate_limited');

    const ip = '10.99.0.1';
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await send('POST', url(), visitor({ email: `ip${i}@example.org` }), {}, ip)).statusCode,
      );
    expect(codes.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(codes[5]).toBe(429);
  });

  it('offers nothing where no method is set up', async () => {
    const bare = await buildOrg(d.api.database.db);
    await setPayment(bare, {});
    const res = await send('POST', `/public/${bare.slug}/donations`, visitor());
    expectProblem(res, 422, 'rule_violated', 'paymentMethod');
  });
});
