import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, haveChromium, pageApi, settled, shots, signedIn, useTend } from './browser';

type Contact = { id: string; name: string; roles: string[]; emails: { bounced: boolean }[] };
type Gift = {
  id: string;
  allocations: { fundName: string; amount: number }[];
  thanks: unknown[];
  thanksPromise: { dueAt: string | null } | null;
};
type Giving = { totals: { currency: string; thisYear: number; lifetime: number }[] };

const tend = useTend();

/** The API as the signed-in page sees it (its session cookie). */
const call = <T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown) =>
  pageApi<T>(page, tend, method, path, body);

let made = 0;
/**
 * Two new donors with an address (a thank-you email needs one) and no gift yet: the demo's donors
 * have years of giving.
 */
async function donors(page: Page): Promise<[Contact, Contact]> {
  const donor = (givenName: string, familyName: string) =>
    call<Contact>(page, 'POST', '/contacts', {
      kind: 'person',
      givenName,
      familyName,
      roles: ['donor'],
      emails: [{ address: `${givenName}.${familyName}.${++made}@example.org`.toLowerCase() }],
    });
  const names = [
    ['Greta', 'Giver', 'Oskar', 'Other'],
    ['Rita', 'Rowe', 'Paul', 'Penn'],
    ['Nina', 'Noor', 'Ivan', 'Ilves'],
  ][made % 3]!;
  return [await donor(names[0]!, names[1]!), await donor(names[2]!, names[3]!)];
}

/** Waits for a page's title, then checks it has no serious accessibility problem. */
async function accessible(page: Page, what: string) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await settled(page); // lists and badges arrive
  expect(await axeProblems(page), what).toEqual([]);
}

describe.skipIf(!haveChromium)('gifts: record, thank, receipt, giving summary', () => {
  it('records a split gift, thanks it in bulk, issues its receipt and sums it up', async () => {
    const page = await signedIn(tend);
    const food = await call<{ id: string }>(page, 'POST', '/funds', {
      name: 'Food bank',
      restricted: true,
    });
    await call(page, 'POST', '/funds', { name: 'Winter shelter', restricted: false });
    const [donor, other] = await donors(page);

    // From the donor's page: the giving panel's "Record a gift" prefills the donor.
    await page.goto(`${tend.url}/app/contacts/${donor.id}`);
    const panel = page.getByTestId('giving-panel');
    await panel.getByRole('link', { name: 'Record a gift' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a gift' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Donor' }).inputValue()).toBe(donor.name);
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('120.50');
    await page.getByRole('button', { name: 'Add a fund' }).click();
    await page.getByRole('button', { name: 'Add a fund' }).click();
    await page
      .getByLabel('Fund 1', { exact: true })
      .selectOption({ label: 'Food bank (restricted)' });
    await page.getByLabel('Amount to fund 1').fill('70.25');
    await page.getByLabel('Fund 2', { exact: true }).selectOption({ label: 'Winter shelter' });
    // The remainder is shown live while the parts are typed.
    await page.getByLabel('Amount to fund 2').fill('40');
    expect(await page.getByTestId('remainder').textContent()).toBe('Still to designate: €10.25');
    await page.getByLabel('Amount to fund 2').fill('50.25');
    expect(await page.getByTestId('remainder').textContent()).toBe('The parts add up to the gift.');
    await page.getByLabel('Payment method').selectOption({ label: 'Bank transfer' });
    await accessible(page, 'record a gift');
    await page.screenshot({ path: join(shots, 'gifts-record-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Record the gift' }).click();

    // The gift page shows the split as recorded.
    await page.waitForURL(/\/app\/gifts\/[0-9a-f-]{36}$/);
    const giftId = page.url().split('/').pop()!;
    const gift = await call<Gift>(page, 'GET', `/gifts/${giftId}`);
    expect(gift.allocations.map((a) => [a.fundName, a.amount])).toEqual([
      ['Food bank', 7025],
      ['Winter shelter', 5025],
    ]);
    const split = page.getByTestId('allocations');
    await split.waitFor();
    expect(await split.getByRole('row').allInnerTexts()).toEqual([
      'Food bank\t€70.25',
      'Winter shelter\t€50.25',
    ]);
    expect(await page.getByTestId('net-amount').textContent()).toBe('€120.50');
    await accessible(page, 'gift page');

    // A second gift (by the API) for the bulk send.
    const second = await call<Gift>(page, 'POST', '/gifts', {
      kind: 'one_time',
      contactId: other.id,
      amount: 2500,
      currency: 'EUR',
      receivedOn: new Date().toISOString().slice(0, 10),
      allocations: [{ fundId: food.id, amount: 2500 }],
    });

    // The thank-you queue: both gifts, with their due badges (a day or two away: grey).
    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Thank-yous/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Thank-you queue' }).waitFor();
    const row = (id: string) => page.locator(`[data-testid=thanks-row][data-gift="${id}"]`);
    await row(giftId).waitFor();
    await row(second.id).waitFor();
    for (const id of [giftId, second.id]) {
      const badge = row(id).locator('[data-due]');
      expect(await badge.getAttribute('data-due')).toBe('later');
      // 24 hours under the demo's first-gift policy, 48 under its every-gift one.
      expect(await badge.textContent()).toMatch(/^(Tomorrow|In (2[34] hours|2 days|4[78] hours))$/);
    }
    // The navigation counts what is owed (refreshed every minute, or on the next load): these
    // two and the demo's gifts still waiting.
    const owed = (await call<{ data: unknown[] }>(page, 'GET', '/gifts/thanks-queue?limit=200'))
      .data.length;
    expect(owed).toBeGreaterThanOrEqual(2);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('thanks-due').first().textContent())
      .toBe(`${owed}${owed} gifts owed a thank-you`);
    await row(giftId).waitFor();
    await accessible(page, 'thank-you queue');
    await page.screenshot({ path: join(shots, 'gifts-thanks-queue-en.png'), fullPage: true });

    // Bulk send to the two: each one's result, then neither is in the queue any more.
    await page.getByRole('checkbox', { name: `Select the gift from ${donor.name}` }).check();
    await page.getByRole('checkbox', { name: `Select the gift from ${other.name}` }).check();
    await page.getByRole('button', { name: 'Send thank-yous to 2 selected gifts' }).click();
    const results = page.getByTestId('bulk-results');
    await results.waitFor();
    expect(await results.textContent()).toContain('2 of 2 thanked.');
    await expect.poll(() => row(giftId).count()).toBe(0);
    expect(await row(second.id).count()).toBe(0);

    // The gift page says it was thanked, by email.
    await page.goto(`${tend.url}/app/gifts/${giftId}`);
    await page.getByTestId('thanked').waitFor();
    expect(await page.getByTestId('gift-thanks').textContent()).toMatch(/Email, /);

    // A receipt, issued and downloaded as a PDF.
    await page.getByRole('button', { name: 'Issue a receipt' }).click();
    const receipt = page.getByTestId('receipt');
    const problem = page.getByRole('alert');
    await receipt.or(problem).first().waitFor();
    expect(await problem.count(), (await problem.allTextContents()).join()).toBe(0);
    const href = await receipt.getByRole('link').getAttribute('href');
    const pdf = await page.request.get(`${tend.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: join(shots, 'gifts-gift-en.png'), fullPage: true });

    // The contact page: the giving summary's totals, as the API sums them.
    await page.goto(`${tend.url}/app/contacts/${donor.id}`);
    const giving = await call<Giving>(page, 'GET', `/contacts/${donor.id}/giving`);
    const eur = giving.totals.find((t) => t.currency === 'EUR')!;
    expect(eur.thisYear).toBe(12050);
    const totals = page.getByTestId('giving-totals').locator('[data-currency=EUR]');
    await totals.waitFor();
    expect(await totals.getByTestId('this-year').textContent()).toBe('€120.50');
    expect(await totals.getByTestId('lifetime').textContent()).toBe(
      `€${(eur.lifetime / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`,
    );
    expect(await page.getByTestId('giving-gift').first().textContent()).toContain('€120.50');
    await accessible(page, 'contact page with giving');

    // This year's statement, made from the panel, downloads as a PDF too.
    const thisYear = String(new Date().getFullYear());
    await panel.getByLabel('Year').selectOption(thisYear);
    await panel.getByRole('button', { name: 'Make the annual statement' }).click();
    const statement = panel
      .getByTestId('donor-receipt')
      .filter({ hasText: new RegExp(`^Statement \\S+ for ${thisYear}`) });
    await statement.waitFor();
    const link = statement.getByRole('link');
    const statementPdf = await page.request.get(`${tend.url}${await link.getAttribute('href')}`);
    expect(statementPdf.headers()['content-type']).toMatch(/^application\/pdf/);
    await page.close();
  });

  it('thanks from the queue one gift at a time: a call, a letter printed, an email in Spanish', async () => {
    const page = await signedIn(tend);
    const [donor, other] = await donors(page);
    const gift = (contactId: string, amount: number) =>
      call<Gift>(page, 'POST', '/gifts', {
        kind: 'one_time',
        contactId,
        amount,
        currency: 'EUR',
        receivedOn: new Date().toISOString().slice(0, 10),
      });
    const called = await gift(donor.id, 1111);
    const written = await gift(other.id, 2222);
    const emailed = await gift(other.id, 3333);
    await page.goto(`${tend.url}/app/thanks`);
    const row = (id: string) => page.locator(`[data-testid=thanks-row][data-gift="${id}"]`);
    await row(emailed.id).waitFor();
    const dialog = page.getByRole('dialog');

    await row(called.id)
      .getByRole('button', { name: /^Log a call/ })
      .click();
    await dialog.getByLabel('What was said (optional)').fill('Delighted to hear from us');
    await dialog.getByRole('button', { name: 'Log the call' }).click();
    await expect.poll(() => row(called.id).count()).toBe(0);
    const afterCall = await call<{ thanks: { method: string; note: string }[] }>(
      page,
      'GET',
      `/gifts/${called.id}`,
    );
    expect(afterCall.thanks).toMatchObject([{ method: 'call', note: 'Delighted to hear from us' }]);

    await row(written.id)
      .getByRole('button', { name: /^Print a letter/ })
      .click();
    await dialog.getByTestId('thanks-preview').waitFor();
    expect(await dialog.getByTestId('thanks-preview').textContent()).toContain('€22.22');
    const [letter] = await Promise.all([
      page.waitForEvent('popup'),
      dialog.getByRole('button', { name: 'Print it and record the letter sent' }).click(),
    ]);
    await expect.poll(() => letter.locator('main').textContent()).toContain('€22.22');
    await letter.close();
    await expect.poll(() => row(written.id).count()).toBe(0);

    await row(emailed.id)
      .getByRole('button', { name: /^Send email/ })
      .click();
    await dialog.getByLabel('Language').selectOption('es');
    await expect
      .poll(() => dialog.getByTestId('thanks-preview').textContent())
      .toMatch(/33,33\s?€/);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'gifts-thanks-email-en.png') });
    await dialog.getByRole('button', { name: 'Send the email' }).click();
    await expect.poll(() => row(emailed.id).count()).toBe(0);
    const sent = await call<{ thanks: { method: string }[] }>(page, 'GET', `/gifts/${emailed.id}`);
    expect(sent.thanks.map((t) => t.method)).toEqual(['email']);
    await page.close();
  });

  it('records a payment against the donor’s open pledge, lowering its balance', async () => {
    const page = await signedIn(tend);
    const [, donor] = await donors(page);
    const pledge = await call<Gift>(page, 'POST', '/gifts', {
      kind: 'pledge',
      contactId: donor.id,
      amount: 60000,
      currency: 'EUR',
      receivedOn: new Date().toISOString().slice(0, 10),
      schedule: { frequency: 'monthly', installments: 12 },
    });
    await page.goto(`${tend.url}/app/gifts/new?contact=${donor.id}`);
    await page.getByRole('heading', { level: 1, name: 'Record a gift' }).waitFor();
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('50');
    await page.getByLabel('Against a pledge').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Record the gift' }).click();
    await page.getByRole('link', { name: 'Open the pledge' }).click();
    await expect.poll(() => page.url()).toContain(pledge.id);
    const after = await call<{ pledge: { paid: number; balance: number } }>(
      page,
      'GET',
      `/gifts/${pledge.id}`,
    );
    expect(after.pledge).toMatchObject({ paid: 5000, balance: 55000 });
    await expect.poll(() => page.getByTestId('gift-facts').textContent()).toContain('€550.00');
    await page.close();
  });

  it('shows the API’s refusal under the field it names: a soft credit to the donor themself', async () => {
    const page = await signedIn(tend);
    const all = await call<{ data: Contact[] }>(page, 'GET', '/contacts?limit=1&role=donor');
    const donor = all.data[0]!; // one of the demo's donors
    await page.goto(`${tend.url}/app/gifts/new?contact=${donor.id}`);
    await page.getByRole('heading', { level: 1, name: 'Record a gift' }).waitFor();
    await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('10');
    await page.getByRole('button', { name: 'Add a soft credit' }).click();
    const credit = page.getByRole('textbox', { name: 'Who shares the credit' });
    await credit.fill(donor.name);
    await page.getByRole('option', { name: donor.name }).first().click();
    await page.getByRole('button', { name: 'Record the gift' }).click();
    await page.getByRole('alert').filter({ hasText: 'This change is not allowed.' }).waitFor();
    expect(await credit.getAttribute('aria-invalid')).toBe('true');
    // The field itself says why (its description points at the message).
    const described = (await credit.getAttribute('aria-describedby'))!.split(' ');
    const said = await Promise.all(
      described.map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(said).toContain('the donor cannot be soft-credited for their own gift');
    expect(page.url()).toMatch(/\/app\/gifts\/new/);
    await page.close();
  });

  it('marks a portal donation received (a different amount arrived) and cancels another', async () => {
    const page = await signedIn(tend);
    // Cash at the office is offered once the organization says where (gift settings, If-Match).
    const read = await page.request.get(`${tend.url}/api/v1/gift-settings`);
    const settings = (await read.json()) as { currency: string; majorGiftAmount: number | null };
    const saved = await page.request.put(`${tend.url}/api/v1/gift-settings`, {
      data: {
        currency: settings.currency,
        majorGiftAmount: settings.majorGiftAmount,
        payment: { cashAt: 'The office, 1 Main Street' },
      },
      headers: { 'if-match': read.headers()['etag']! },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const options = await page.request.get(`${tend.url}/api/v1/public/${tend.slug}/giving-options`);
    const { currencies, methods } = (await options.json()) as {
      currencies: { currency: string }[];
      methods: string[];
    };
    expect(methods).toContain('cash');
    const offer = async (name: string, amount: number) => {
      const res = await page.request.post(`${tend.url}/api/v1/public/${tend.slug}/donations`, {
        data: {
          kind: 'one_time',
          amount,
          currency: currencies[0]!.currency,
          paymentMethod: 'cash',
          name,
          email: `${name.split(' ')[1]!.toLowerCase()}@example.net`,
        },
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { donation: { id: string; reference: string } }).donation;
    };
    const arrives = await offer('Rosa Diaz', 2000);
    const never = await offer('Tomas Vaitkus', 3000);

    await page.goto(`${tend.url}/app/gifts`);
    await page.getByRole('link', { name: 'Pending donations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pending donations' }).waitFor();
    const listed = page.getByTestId('donation');
    await listed.filter({ hasText: arrives.reference }).waitFor();
    expect(await listed.filter({ hasText: never.reference }).textContent()).toContain(
      'Tomas Vaitkus',
    );
    await accessible(page, 'pending donations');
    await page.screenshot({ path: join(shots, 'gifts-donations-en.png'), fullPage: true });

    await page.getByRole('button', { name: `Mark received: ${arrives.reference}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Amount received/).fill('18.00');
    await dialog.getByRole('button', { name: 'Mark received' }).click();
    await expect.poll(() => listed.filter({ hasText: arrives.reference }).count()).toBe(0);
    const received = await call<{ status: string; receivedAmount: number; giftId: string }>(
      page,
      'GET',
      `/donations/${arrives.id}`,
    );
    expect([received.status, received.receivedAmount]).toEqual(['received', 1800]);
    expect(
      (await call<Gift & { amount: number }>(page, 'GET', `/gifts/${received.giftId}`)).amount,
    ).toBe(1800);

    await page.getByRole('button', { name: `Cancel it: ${never.reference}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel it' }).click();
    await expect.poll(() => listed.count()).toBe(0);
    expect((await call<{ status: string }>(page, 'GET', `/donations/${never.id}`)).status).toBe(
      'cancelled',
    );
    await page.close();
  });

  it('shows the queue and the record-gift form on a phone without sideways scrolling', async () => {
    const page = await signedIn(tend, { width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: /^Thank-yous/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Thank-you queue' }).waitFor();
    const width = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
            .document.documentElement.scrollWidth,
      );
    expect(await width()).toBeLessThanOrEqual(390);
    await accessible(page, 'queue on a phone');
    await page.screenshot({ path: join(shots, 'gifts-thanks-queue-phone-en.png') });

    // The record-gift form with a grant's deliverable and a split fits too.
    await page.goto(`${tend.url}/app/gifts/new`);
    await page.getByLabel('Kind of gift').selectOption('grant');
    await page.getByRole('button', { name: 'Add a deliverable' }).click();
    await page.getByRole('button', { name: 'Add a fund' }).click();
    await page.getByLabel('Deliverable 1', { exact: true }).waitFor();
    expect(await width()).toBeLessThanOrEqual(390);
    await accessible(page, 'record a grant on a phone');
    await page.screenshot({ path: join(shots, 'gifts-record-grant-phone-en.png'), fullPage: true });
    await page.context().close();
  });

  it('speaks four languages on the gift pages', async () => {
    const page = await signedIn(tend);
    const [donor] = await donors(page);
    const gift = await call<Gift>(page, 'POST', '/gifts', {
      kind: 'one_time',
      contactId: donor.id,
      amount: 4200,
      currency: 'EUR',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    const pages = [
      ['record', '/gifts/new'],
      ['thanks-queue', '/thanks'],
      ['gift', `/gifts/${gift.id}`],
      ['contact-giving', `/contacts/${donor.id}`],
      ['list', '/gifts'],
      ['donations', '/donations'],
    ] as const;
    const english = new Map<string, string>();
    for (const language of ['en', 'es', 'lt', 'uk'] as const) {
      await page
        .getByRole('banner')
        .getByLabel(/^(Language|Idioma|Kalba|Мова)$/)
        .selectOption(language);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
      for (const [name, path] of pages) {
        await page.goto(`${tend.url}/app${path}`);
        await accessible(page, `${name} in ${language}`);
        const text = (await page.getByRole('heading').allTextContents()).join(' | ');
        if (language === 'en') english.set(name, text);
        else expect(text, `${name} in ${language}`).not.toBe(english.get(name));
        await page.screenshot({
          path: join(shots, `gifts-${name}-${language}.png`),
          fullPage: true,
        });
      }
    }
    await page.close();
  }, 600_000);
});
