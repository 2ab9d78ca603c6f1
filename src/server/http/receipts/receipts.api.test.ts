import { describe, expect, it } from 'vitest';
import { buildContact } from '../../../../tests/support/factories';
import { call, f, gift, record, useGiftApi } from '../../../../tests/support/gifts';
import { pdfText, spaced } from '../../../../tests/support/pdf';
import { formatMoney } from '../../domain/gifts/money';

useGiftApi();

const money = (minor: number, currency: string, lang: string) =>
  spaced(formatMoney(minor, currency, lang));
const issue = (giftId: string, body: object = {}) =>
  call('POST', `/gifts/${giftId}/receipts`, body);
const pdfOf = async (id: string, token = f.org.tokens.fundraiser) => {
  const res = await call('GET', `/receipts/${id}/pdf`, undefined, token);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return { res, text: await pdfText(res.rawPayload) };
};
const donor = (name: [string, string], preferredLanguage: string) =>
  buildContact(f.api.database.db, f.org.org, {
    givenName: name[0],
    familyName: name[1],
    preferredLanguage,
    roles: ['donor'],
    addresses: [{ line1: 'Gedimino pr. 9', city: 'Vilnius', postalCode: '01103', country: 'LT' }],
  });

describe('receipts of gifts', () => {
  it('issues a receipt for a request with no body at all (the body is optional)', async () => {
    const g = await record(gift());
    const res = await f.api.app.inject({
      method: 'POST',
      url: `/api/v1/gifts/${g.id}/receipts`,
      headers: { authorization: `Bearer ${f.org.tokens.fundraiser}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const again = await f.api.app.inject({
      method: 'POST',
      url: `/api/v1/gifts/${g.id}/receipts`,
      headers: {
        authorization: `Bearer ${f.org.tokens.fundraiser}`,
        'content-type': 'application/json',
      },
      payload: 'null',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(res.json().id);
  });

  it('prints a Lithuanian receipt with its number, donor, amount and fund, and a copy keeps the number', async () => {
    const jurate = await donor(['Jūratė', 'Žemaitė'], 'lt');
    const g = await record(
      gift({
        contactId: jurate.id,
        amount: 123456,
        allocations: [{ fundId: f.food, amount: 123456 }],
      }),
    );
    const first = await issue(g.id);
    expect(first.statusCode, first.body).toBe(201);
    const receipt = first.json();
    expect(receipt).toMatchObject({ kind: 'gift', year: 2026, language: 'lt', giftId: g.id });
    expect(receipt.number).toMatch(/^R-2026-\d{4}$/);
    const { res, text } = await pdfOf(receipt.id);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${receipt.number}.pdf`);
    expect(text).toContain('Paramos kvitas');
    expect(text).toContain(receipt.number);
    expect(text).toContain('Jūratė Žemaitė');
    expect(text).toContain('Gedimino pr. 9');
    expect(text).toContain(money(123456, 'EUR', 'lt'));
    expect(money(123456, 'EUR', 'lt')).toBe('1 234,56 €');
    expect(text).toContain('Food parcels');
    expect(text).toContain('2026 m. lapkričio 30 d.');

    const again = await issue(g.id);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: receipt.id, number: receipt.number });
  });

  it('prints a Ukrainian receipt in Cyrillic with the amount written the Ukrainian way', async () => {
    const olena = await donor(['Олена', 'Коваленко'], 'uk');
    const g = await record(gift({ contactId: olena.id, amount: 5000, currency: 'UAH' }));
    const res = await issue(g.id);
    expect(res.statusCode, res.body).toBe(201);
    const { text } = await pdfOf(res.json().id);
    expect(text).toContain('Квитанція про пожертву');
    expect(text).toContain('Олена Коваленко');
    expect(text).toContain(money(5000, 'UAH', 'uk'));
    expect(text).toContain('Де найбільше потрібно');
  });

  it('describes goods without a value unless the organization set a fair-market value', async () => {
    const unvalued = await record(
      gift({
        kind: 'in_kind',
        amount: undefined,
        description: 'Three boxes of winter coats',
        condition: 'good',
        donorDeclaredValue: 77700,
      }),
    );
    const r1 = await issue(unvalued.id, { language: 'en' });
    expect(r1.statusCode, r1.body).toBe(201);
    const t1 = (await pdfOf(r1.json().id)).text;
    expect(t1).toContain('Three boxes of winter coats');
    expect(t1).toContain('Condition: good');
    expect(t1).toContain('No value is stated for these goods.');
    expect(t1).not.toContain('777');

    const valued = await record(
      gift({
        kind: 'in_kind',
        amount: undefined,
        description: 'A sofa',
        donorDeclaredValue: 90000,
        fairMarketValue: 30000,
      }),
    );
    const t2 = (await pdfOf((await issue(valued.id, { language: 'en' })).json().id)).text;
    expect(t2).toContain(money(30000, 'EUR', 'en'));
    expect(t2).not.toContain('900');
  });

  it('prints pro-bono work as hours and a description', async () => {
    const g = await record(
      gift({
        kind: 'pro_bono',
        amount: undefined,
        description: 'Legal advice',
        hours: 2.5,
        hourlyRate: 8000,
      }),
    );
    const t = (await pdfOf((await issue(g.id, { language: 'en' })).json().id)).text;
    expect(t).toContain('Legal advice');
    expect(t).toContain('Hours: 2.5');
  });

  it('gives promises no receipt (422) and another organization’s gift a 404', async () => {
    const pledge = await record(gift({ kind: 'pledge', amount: 100000 }));
    const res = await issue(pledge.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'rule_violated' });
    const mine = await record(gift());
    const theirs = await call('POST', `/gifts/${mine.id}/receipts`, {}, f.other.tokens.admin);
    expect(theirs.statusCode).toBe(404);
    const r = (await issue(mine.id)).json();
    expect(
      (await call('GET', `/receipts/${r.id}`, undefined, f.other.tokens.admin)).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/receipts/${r.id}/pdf`, undefined, f.other.tokens.admin)).statusCode,
    ).toBe(404);
  });
});

describe('what the organization prints', () => {
  it('prints the receipt fields of the gift settings as they were when issued', async () => {
    const put = await f.api.app.inject({
      method: 'PUT',
      url: '/api/v1/gift-settings',
      headers: { authorization: `Bearer ${f.org.tokens.manager}` },
      payload: {
        currency: 'EUR',
        majorGiftAmount: null,
        receipt: {
          legalName: 'VšĮ Maisto bankas',
          registrationNumber: '302999888',
          address: 'Gedimino pr. 1, Vilnius',
          signatoryName: 'Rūta Kazlauskienė',
          signatoryTitle: 'Direktorė',
          closingText: 'Parama naudojama įstatuose numatytiems tikslams.',
        },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const g = await record(gift({ contactId: (await donor(['Ieva', 'Ąžuolienė'], 'lt')).id }));
    const r = (await issue(g.id)).json();
    expect(r.content.organization).toMatchObject({ legalName: 'VšĮ Maisto bankas' });
    const { text } = await pdfOf(r.id);
    for (const words of [
      'VšĮ Maisto bankas',
      'Įmonės kodas: 302999888',
      'Gedimino pr. 1, Vilnius',
      'Rūta Kazlauskienė',
      'Direktorė',
      'Parama naudojama įstatuose numatytiems tikslams.',
      'Ieva Ąžuolienė',
    ])
      expect(text).toContain(words);
  });
});

describe('corrections after refunds and corrections', () => {
  it('issues a correction receipt with a new number that replaces the old one, never changing it', async () => {
    const g = await record(gift({ amount: 2500 }));
    const original = (await issue(g.id, { language: 'en' })).json();
    const refund = await call('POST', `/gifts/${g.id}/refunds`, {
      amount: 1000,
      reason: 'Double charge',
    });
    expect(refund.statusCode, refund.body).toBe(201);
    const list = (await call('GET', `/receipts?giftId=${g.id}`)).json().data;
    expect(list).toHaveLength(2);
    const correction = list.find((r: { kind: string }) => r.kind === 'correction');
    expect(correction).toMatchObject({ replacesReceiptId: original.id, giftId: g.id });
    expect(correction.sequence).toBeGreaterThan(original.sequence);
    const old = (await call('GET', `/receipts/${original.id}`)).json();
    expect(old.replacedBy).toEqual({ id: correction.id, number: correction.number });
    expect(old.content).toEqual(original.content);
    const t = (await pdfOf(correction.id)).text;
    expect(t).toContain('Corrected receipt');
    expect(t).toContain(`This receipt replaces receipt ${original.number}.`);
    expect(t).toContain(`Original amount: ${money(2500, 'EUR', 'en')}`);
    expect(t).toContain(`Change: ${money(-1000, 'EUR', 'en')}`);
    expect(t).toContain(`New amount: ${money(1500, 'EUR', 'en')}`);
    expect(t).toContain('Double charge');
    // Asked again, the gift's live receipt is the correction.
    expect((await issue(g.id)).json().id).toBe(correction.id);

    await call('POST', `/gifts/${g.id}/refunds`, { amount: 1500 });
    const last = (await call('GET', `/receipts?giftId=${g.id}`)).json().data[0];
    expect(last).toMatchObject({ kind: 'correction', replacesReceiptId: correction.id });
    const t2 = (await pdfOf(last.id)).text;
    expect(t2).toContain(
      `The gift was refunded in full: its amount is now ${money(0, 'EUR', 'en')}.`,
    );
  });

  it('issues a correction after an amount correction too, and none for a gift without a receipt', async () => {
    const g = await record(gift({ amount: 2500 }));
    await issue(g.id);
    const res = await call('POST', `/gifts/${g.id}/corrections`, { delta: 500, reason: 'Typo' });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await call('GET', `/receipts?giftId=${g.id}`)).json().data;
    expect(list.map((r: { kind: string }) => r.kind)).toEqual(['correction', 'gift']);
    expect(list[0].content.correction).toMatchObject({
      originalAmount: 2500,
      change: 500,
      newAmount: 3000,
    });
    const plain = await record(gift());
    await call('POST', `/gifts/${plain.id}/refunds`, { amount: 100 });
    expect((await call('GET', `/receipts?giftId=${plain.id}`)).json().data).toEqual([]);
  });
});

describe('annual statements', () => {
  it('lists a year’s own gifts net of refunds with totals, soft credits and other years left out', async () => {
    const ona = await donor(['Ona', 'Šimkutė'], 'lt');
    const spouse = await buildContact(f.api.database.db, f.org.org, { roles: ['donor'] });
    await record(gift({ contactId: ona.id, amount: 10000, receivedOn: '2026-02-01' }));
    const refunded = await record(
      gift({ contactId: ona.id, amount: 5000, receivedOn: '2026-06-01' }),
    );
    await call('POST', `/gifts/${refunded.id}/refunds`, { amount: 2000 });
    await record(gift({ contactId: ona.id, amount: 99900, receivedOn: '2025-12-31' }));
    await record(
      gift({
        contactId: spouse.id,
        amount: 77700,
        receivedOn: '2026-03-01',
        softCredits: [{ contactId: ona.id, type: 'spouse' }],
      }),
    );
    await record(
      gift({ contactId: ona.id, kind: 'pledge', amount: 88800, receivedOn: '2026-03-01' }),
    );
    const res = await call('POST', `/contacts/${ona.id}/statements`, { year: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ kind: 'statement', giftId: null, contactId: ona.id });
    expect(s.content.totals).toEqual([{ currency: 'EUR', amount: 13000 }]);
    expect(s.content.lines).toHaveLength(2);
    const { text } = await pdfOf(s.id);
    expect(text).toContain('Metinė paramos pažyma');
    expect(text).toContain('2026 m. gauta parama');
    expect(text).toContain(`Iš viso: ${money(13000, 'EUR', 'lt')}`);
    expect(text).toContain(money(3000, 'EUR', 'lt'));
    expect(text).not.toContain(money(77700, 'EUR', 'lt'));
    expect(text).not.toContain(money(99900, 'EUR', 'lt'));

    const same = await call('POST', `/contacts/${ona.id}/statements`, { year: 2026 });
    expect(same.statusCode).toBe(200);
    expect(same.json().id).toBe(s.id);
    await record(gift({ contactId: ona.id, amount: 1000, receivedOn: '2026-11-01' }));
    const newer = await call('POST', `/contacts/${ona.id}/statements`, { year: 2026 });
    expect(newer.statusCode).toBe(201);
    expect(newer.json()).toMatchObject({ replacesReceiptId: s.id });
    expect(newer.json().content.totals).toEqual([{ currency: 'EUR', amount: 14000 }]);
  });

  it('puts the issued receipt on the donor’s timeline', async () => {
    const c = await buildContact(f.api.database.db, f.org.org, { roles: ['donor'] });
    const g = await record(gift({ contactId: c.id }));
    const r = (await issue(g.id)).json();
    const timeline = await call('GET', `/contacts/${c.id}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(timeline.json().data.map((e: { summary: string }) => e.summary)).toContain(
      `Receipt ${r.number} issued`,
    );
  });

  it('lists receipts by contact and year', async () => {
    const c = await buildContact(f.api.database.db, f.org.org, { roles: ['donor'] });
    const g = await record(gift({ contactId: c.id }));
    const r = (await issue(g.id)).json();
    const mine = (await call('GET', `/receipts?contactId=${c.id}&year=2026`)).json().data;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect((await call('GET', `/receipts?contactId=${c.id}&year=2025`)).json().data).toEqual([]);
  });
});

describe('the API description', () => {
  it('documents the receipt, settings, impact and portal giving routes', async () => {
    const res = await f.api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    for (const [p, method] of [
      ['/gifts/{id}/receipts', 'post'],
      ['/receipts', 'get'],
      ['/receipts/{id}', 'get'],
      ['/receipts/{id}/pdf', 'get'],
      ['/contacts/{id}/statements', 'post'],
      ['/gift-settings', 'put'],
      ['/programs/{id}/impact-updates', 'post'],
      ['/impact-updates/{id}', 'patch'],
      ['/contacts/{id}/impact', 'get'],
      ['/contacts/{id}/impact/email', 'post'],
      ['/portal/gifts', 'get'],
      ['/portal/receipts/{id}/pdf', 'get'],
      ['/portal/impact', 'get'],
    ] as const)
      expect(paths[`/api/v1${p}`]?.[method], `${method} ${p}`).toBeDefined();
  });
});
