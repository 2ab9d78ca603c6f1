import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  axeProblems,
  haveChromium,
  mailTo,
  pageWidth,
  sessionCookie,
  shot,
  useTend,
} from './browser';

let staffCookie = '';
const iban = 'LT601010012345678901';
const visitor = { name: 'Rūta Petraitė', email: 'ruta.giving.e2e@example.org' };

const tend = useTend();

/** Calls the API as the demo admin (the session cookie from signing in). */
async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${tend.url}/api/v1${path}`, {
    method,
    headers: {
      cookie: staffCookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A phone (390 px wide) in a language. */
const phone = (locale: string): Promise<BrowserContext> =>
  tend.browser.newContext({
    locale,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

describe.skipIf(!haveChromium)('giving on the portal', () => {
  let context: BrowserContext;
  let page: Page;
  let given = '';

  beforeAll(async () => {
    staffCookie = await sessionCookie(tend);
    // The organization takes bank transfers (its details) and has a fund donors may choose.
    const settings = await call<{ version: number; receipt: object }>('GET', '/gift-settings');
    await call(
      'PUT',
      '/gift-settings',
      {
        currency: 'EUR',
        majorGiftAmount: null,
        payment: {
          accountName: 'Vilniaus maisto bankas',
          iban,
          bic: 'HABALT22',
          bankName: 'Swedbank',
        },
      },
      { 'if-match': `"${settings.version}"` },
    );
    await call('POST', '/funds', { name: 'Maisto paketai', restricted: true });
    context = await phone('lt-LT');
    page = await context.newPage();
  });

  it('a visitor gives €25 by bank transfer in Lithuanian on a phone and is emailed the reference', async () => {
    await page.goto(`${tend.url}/p/${tend.slug}`);
    await page.getByRole('navigation').getByRole('link', { name: 'Paremti' }).click();
    await page.getByRole('heading', { name: 'Paremti', level: 1 }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'portal-give-phone-lt');

    await page.getByRole('button', { name: /^25,00\s€$/ }).click();
    await page.getByLabel('Kam skirti?').selectOption({ label: 'Maisto paketai' });
    await page.getByRole('radio', { name: 'Banko pavedimu' }).check();
    await page.getByLabel('Jūsų vardas').fill(visitor.name);
    await page.getByLabel('El. paštas').fill(visitor.email);
    await page.getByRole('button', { name: /^Paremti 25,00\s€$/ }).click();

    const reference = page.getByTestId('donation-reference');
    await reference.waitFor();
    given = (await reference.textContent())!;
    expect(given).toMatch(/^D-\d{4}-\d{4}$/);
    await page.getByText('LT60 1010 0123 4567 8901').waitFor();
    await page.getByText('Mokėjimo paskirtyje nurodykite kodą').waitFor();
    expect(await page.getByRole('button', { name: /^Kopijuoti/ }).count()).toBeGreaterThanOrEqual(
      3,
    );
    expect(await axeProblems(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'portal-give-confirmation-phone-lt');

    const mail = await mailTo(tend.dataDir, visitor.email, new RegExp(given));
    expect(mail.subject).toContain(given);
    expect(mail.text).toMatch(/Prašome pervesti 25,00\s€/);
    expect(mail.text).toContain('LT60 1010 0123 4567 8901');
    expect(mail.text).toContain('Maisto paketai');
  });

  it('the donor signs in and pledges; staff confirm the transfer; My giving shows the gift', async () => {
    // Sign in by the emailed link (the visitor is now a contact with this address).
    await page.goto(`${tend.url}/p/${tend.slug}/sign-in?next=/giving`);
    await page.getByLabel('El. paštas').fill(visitor.email);
    await page.getByRole('button', { name: /nuorod/i }).click();
    const signIn = await mailTo(tend.dataDir, visitor.email, /\/sign-in#tend_portal_/);
    const link = /(https?:\/\/\S+\/sign-in#tend_portal_[\w-]+)/.exec(signIn.text!)![1]!;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Mano parama', level: 1 }).waitFor();
    const waiting = page.getByTestId('offer-pending');
    await expect.poll(() => waiting.first().textContent()).toContain(given);

    // A pledge of €120, paid monthly.
    await page.getByRole('link', { name: 'Paremti', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Paremti', level: 1 }).waitFor();
    await page.getByText(`Remiate kaip ${visitor.name}.`).waitFor();
    await page.getByText('Pažadas', { exact: true }).click();
    await page.getByLabel('Kaip dažnai').selectOption({ label: 'Kas mėnesį' });
    await page.getByLabel(/^Kita suma/).fill('120');
    await page.getByRole('button', { name: /^Pažadėti 120,00\s€$/ }).click();
    await page.getByRole('heading', { name: 'Ačiū už pažadą!' }).waitFor();
    const pledge = (await page.getByTestId('donation-reference').textContent())!;
    expect(pledge).not.toBe(given);
    expect(await axeProblems(page)).toEqual([]);

    // Staff see the transfer arrive and confirm it: the gift is recorded.
    const pending = await call<{ data: { id: string; reference: string }[] }>(
      'GET',
      '/donations?status=pending',
    );
    const offer = pending.data.find((x) => x.reference === given)!;
    const today = new Date().toISOString().slice(0, 10);
    const received = await call<{ giftId: string; status: string }>(
      'POST',
      `/donations/${offer.id}/receive`,
      { receivedOn: today },
    );
    expect(received.status).toBe('received');
    const gift = await call<{ kind: string; amount: number; allocations: { fundName: string }[] }>(
      'GET',
      `/gifts/${received.giftId}`,
    );
    expect(gift).toMatchObject({ kind: 'one_time', amount: 2500 });
    expect(gift.allocations[0]!.fundName).toBe('Maisto paketai');

    await page.goto(`${tend.url}/p/${tend.slug}/giving`);
    const history = page.getByRole('table', { name: 'Ką pasiūlėte čia' });
    await history.waitFor();
    const row = history.getByRole('row', { name: new RegExp(given) });
    await expect.poll(() => row.textContent()).toContain('Gauta');
    await expect.poll(() => history.textContent()).toContain(pledge);
    expect(await page.getByText('Niekas nelaukia mokėjimo.').count()).toBe(1);
    // The pledge stays with how to pay it (and cannot be cancelled here).
    const pledged = page.getByTestId('offer-received');
    await expect.poll(() => pledged.textContent()).toContain(pledge);
    expect(await pledged.getByRole('button', { name: /^Atšaukti/ }).count()).toBe(0);

    // The gift with its receipt to download (staff issue the receipt).
    const receipt = await call<{ id: string; number: string }>(
      'POST',
      `/gifts/${received.giftId}/receipts`,
      {},
    );
    await page.reload();
    const table = page.getByRole('table', { name: 'Gauta parama' });
    await table.waitFor();
    await expect.poll(() => table.textContent()).toMatch(/25,00\s€/);
    const download = page.getByRole('link', { name: `Kvitas ${receipt.number}` });
    await download.waitFor();
    expect(await download.getAttribute('href')).toBe(`/api/v1/portal/receipts/${receipt.id}/pdf`);
    const pdf = await page.request.get(`${tend.url}/api/v1/portal/receipts/${receipt.id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The year's annual statement belongs to no gift: it is listed on its own to download.
    const { contact } = await call<{ contact: { id: string } }>('GET', `/gifts/${received.giftId}`);
    const year = Number(today.slice(0, 4));
    const statement = await call<{ id: string; number: string }>(
      'POST',
      `/contacts/${contact.id}/statements`,
      { year },
    );
    await page.reload();
    const annual = page.getByRole('link', {
      name: `Metinė pažyma už ${year} m. (${statement.number})`,
    });
    await annual.waitFor();
    expect(await annual.getAttribute('href')).toBe(`/api/v1/portal/receipts/${statement.id}/pdf`);
    expect(await axeProblems(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'portal-my-giving-phone-lt');
  });

  it('a donor cancels an offer they will not pay', async () => {
    await page.goto(`${tend.url}/p/${tend.slug}/give`);
    await page.getByRole('button', { name: /^10,00\s€$/ }).click();
    await page.getByRole('button', { name: /^Paremti 10,00\s€$/ }).click();
    const reference = (await page.getByTestId('donation-reference').textContent())!;
    await page.getByRole('link', { name: 'Mano parama' }).last().click();
    await page.getByRole('button', { name: `Atšaukti šį pasiūlymą ${reference}` }).click();
    const history = page.getByRole('table', { name: 'Ką pasiūlėte čia' });
    await expect
      .poll(() => history.getByRole('row', { name: new RegExp(reference) }).textContent())
      .toContain('Atšaukta');
  });

  it('shows the give page in every language with no serious accessibility problem', async () => {
    for (const [lang, locale, heading, submit] of [
      ['en', 'en-GB', 'Give', /^Give €25\.00$/],
      ['es', 'es-ES', 'Donar', /^Donar 25,00\s€$/],
      ['lt', 'lt-LT', 'Paremti', /^Paremti 25,00\s€$/],
      ['uk', 'uk-UA', 'Пожертвувати', /^Пожертвувати 25,00\sEUR$/],
    ] as const) {
      const visit = await phone(locale);
      const p = await visit.newPage();
      await p.goto(`${tend.url}/p/${tend.slug}/give`);
      await p.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await p.getByRole('button', { name: submit }).waitFor();
      expect(await axeProblems(p)).toEqual([]);
      expect(await pageWidth(p)).toBeLessThanOrEqual(390);
      await shot(p, `portal-give-${lang}`);
      await visit.close();
    }
  });
});
