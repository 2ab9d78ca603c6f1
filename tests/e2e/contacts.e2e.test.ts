import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, haveChromium, settled, shots, signedIn, useTend } from './browser';

type Contact = { id: string; name: string; phones: { number: string }[] };
type Interaction = { kind: string; channel: string };

const tend = useTend();

/** The API as the signed-in page sees it (its session cookie). */
async function get<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${tend.url}/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** Midnight today on the browser's clock, as the home page asks the ledger from. */
const browserMidnight = (page: Page) =>
  page.evaluate(() => {
    const n = new Date();
    return new Date(n.getFullYear(), n.getMonth(), n.getDate()).toISOString();
  });

/** The kinds and channels on the timeline entries the page shows now. */
const shownEntries = (page: Page) =>
  page.getByTestId('timeline-entry').evaluateAll((els) =>
    els.map((e) => ({
      kind: e.getAttribute('data-kind'),
      channel: e.getAttribute('data-channel'),
    })),
  );

/** Letters without their accents: how someone types a name on an English keyboard. */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** A demo person with an accented name whose timeline has calls and something else. */
async function contactWithCalls(page: Page): Promise<Contact> {
  const all = await get<{ data: Contact[] }>(page, '/contacts?limit=200');
  for (const c of all.data.filter(
    (c) => plain(c.name) !== c.name && /^[\p{Script=Latin} ]+$/u.test(c.name),
  )) {
    const tl = await get<{ data: Interaction[] }>(page, `/contacts/${c.id}/timeline?limit=200`);
    const kinds = new Set(tl.data.map((i) => i.kind));
    if (kinds.has('call') && kinds.size > 1) return c;
  }
  throw new Error('no accented name with calls and other entries in the demo');
}

describe.skipIf(!haveChromium)('contacts, log a call and the home page', () => {
  it('home, search, a contact and its timeline, a logged call, and a new contact', async () => {
    const page = await signedIn(tend);

    // Home: each team's line against its threshold, and today's promise-kept rate.
    await page.getByRole('heading', { name: 'Lines waiting for a first response' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/');
    const teams = await get<{ data: { id: string; name: string }[] }>(page, '/teams');
    expect(teams.data.length).toBeGreaterThan(0);
    for (const team of teams.data) {
      const line = await get<{ waiting: number; over: boolean }>(page, `/teams/${team.id}/line`);
      const card = page.getByTestId('team-line').filter({ hasText: team.name });
      await expect
        .poll(() => card.textContent())
        .toMatch(new RegExp(`${line.waiting} requests? waiting`));
      expect(await card.getAttribute('data-over')).toBe(String(line.over));
      expect(await card.textContent()).toMatch(
        line.over ? /Over the threshold for \d+ (min|hr|day)/ : /Within the threshold/,
      );
    }
    const summary = await get<{ data: { kept: number; broken: number }[] }>(
      page,
      `/promises/summary?from=${encodeURIComponent(await browserMidnight(page))}`,
    );
    const kept = summary.data.reduce((n, r) => n + r.kept, 0);
    const total = kept + summary.data.reduce((n, r) => n + r.broken, 0);
    expect(await page.getByTestId('kept-count').textContent()).toBe(
      total === 0
        ? 'No promise has come due today yet.'
        : `${kept} of ${total} promise${total === 1 ? '' : 's'} kept`,
    );
    expect(await page.getByTestId('kept-rate').textContent()).toBe(
      total === 0 ? '–' : `${Math.round((kept / total) * 100)}%`,
    );
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'home-en.png'), fullPage: true });
    // The tiles lead into the queue.
    await page.getByTestId('glance-breached').click();
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/queue/breached');

    // Search: Latin finds Lithuanian and Cyrillic names.
    const target = await contactWithCalls(page);
    await page.getByRole('banner').getByRole('link', { name: 'Contacts' }).click();
    const search = page.getByRole('searchbox', { name: 'Search contacts' });
    const table = page.getByRole('table', { name: 'Contacts' });
    await search.fill('shevchenko');
    await expect
      .poll(async () => (await table.getByRole('link').allTextContents()).join('|'), {
        timeout: 10_000,
      })
      .toMatch(/^([^|]*Шевченко)(\|[^|]*Шевченко)*$/);
    // "sarunas" finds Šarūnas: the name typed without its accents.
    const typed = plain(target.name).toLowerCase();
    await search.fill(typed);
    const link = table.locator(`a[href="/app/contacts/${target.id}"]`);
    await link.waitFor();
    for (const name of await table.getByRole('link').allTextContents())
      expect(plain(name).toLowerCase()).toContain(typed);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'contacts-en.png'), fullPage: true });

    // The contact's page, and its timeline filtered by kind, then by channel.
    await link.click();
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
    const everything = (
      await get<{ data: Interaction[] }>(page, `/contacts/${target.id}/timeline?limit=200`)
    ).data;
    const firstPage = Math.min(20, everything.length);
    await expect.poll(() => shownEntries(page)).toHaveLength(firstPage);
    const calls = everything.filter((i) => i.kind === 'call').slice(0, 20);
    await page
      .getByRole('group', { name: 'Show kinds' })
      .getByText('Call', { exact: true })
      .click();
    await expect
      .poll(async () => (await shownEntries(page)).map((e) => e.kind))
      .toEqual(calls.map(() => 'call'));
    const channel = calls[0]!.channel;
    await page.getByLabel('Channel').selectOption(channel);
    await expect
      .poll(() => shownEntries(page))
      .toEqual(calls.filter((c) => c.channel === channel).map(() => ({ kind: 'call', channel })));
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(() => shownEntries(page)).toHaveLength(firstPage);
    await page.screenshot({ path: join(shots, 'contact-en.png'), fullPage: true });

    // Log a walk-in that was answered there and then; it opens as a request.
    await page.getByRole('link', { name: 'Log a call or visit' }).click();
    await page.getByRole('heading', { name: `Log a call or visit with ${target.name}` }).waitFor();
    await page.getByLabel('Walk-in').check();
    await page.getByRole('textbox', { name: 'Subject' }).fill('Food parcel for the family');
    await page.getByRole('textbox', { name: 'Notes' }).fill('Came in with two children.');
    await page.getByLabel('Category').selectOption('food');
    await page.getByLabel(/I answered them there and then/).check();
    await page.getByRole('textbox', { name: 'What you told them' }).fill('Parcel handed over.');
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'log-call-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Log and open the request' }).click();
    await page.waitForURL(/\/app\/requests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Food parcel for the family/ }).waitFor();
    const requestId = page.url().split('/').pop()!;
    const request = await get<{
      channel: string;
      requesterId: string;
      category: string;
      firstRespondedAt: string | null;
    }>(page, `/requests/${requestId}`);
    expect(request).toMatchObject({
      channel: 'walk_in',
      requesterId: target.id,
      category: 'food',
    });
    expect(request.firstRespondedAt).not.toBeNull();
    await page.getByText('Parcel handed over.').waitFor();

    // A new contact: a wrong phone number is refused next to the field, then fixed.
    await page.getByRole('banner').getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByRole('textbox', { name: 'Given name' }).fill('Olena');
    await page.getByRole('textbox', { name: 'Family name' }).fill('Kovalchuk');
    await page.getByRole('checkbox', { name: 'Client' }).check();
    await page.getByRole('textbox', { name: 'Email address' }).fill('olena.k@example.org');
    const phone = page.getByRole('textbox', { name: 'Phone number' });
    await phone.fill('12345');
    await page.getByLabel('Preferred language').selectOption('uk');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('This is not a valid phone number.', { exact: false }).waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    // The keyboard is taken to the field that needs fixing.
    expect(await phone.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/app/contacts/new');
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded(); // the header is fixed
    await page.screenshot({ path: join(shots, 'contact-new-error-en.png'), fullPage: true });
    await phone.fill('+380 67 123 4567');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Olena Kovalchuk' }).waitFor();
    const created = await get<Contact & { roles: string[]; preferredLanguage: string }>(
      page,
      `/contacts/${page.url().split('/').pop()}`,
    );
    expect(created).toMatchObject({
      name: 'Olena Kovalchuk',
      roles: ['client'],
      preferredLanguage: 'uk',
      phones: [{ number: '+380671234567' }],
    });
    await page.getByText('+380 67 123 4567').waitFor();

    // Editing keeps what was there, saves over the version read (If-Match), and the display
    // name follows a new family name.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('checkbox', { name: 'Volunteer' }).check();
    await page.getByRole('textbox', { name: 'Family name' }).fill('Kovalchuk-Bondar');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Olena Kovalchuk-Bondar' }).waitFor();
    expect(await get<Contact & { roles: string[] }>(page, `/contacts/${created.id}`)).toMatchObject(
      {
        name: 'Olena Kovalchuk-Bondar',
        roles: ['client', 'volunteer'],
        phones: [{ number: '+380671234567' }],
        version: 2,
      },
    );
    await page.close();
  });

  it('logs a call from the header, finding the caller typed in Latin letters', async () => {
    const page = await signedIn(tend);
    await page.getByRole('banner').getByRole('link', { name: 'Log a call' }).click();
    await page.getByRole('textbox', { name: 'Who called or came in?' }).fill('olena');
    const option = page.getByRole('option', { name: /Олена/ }).first();
    const name = (await option.textContent())!;
    await option.click();
    await page.getByRole('textbox', { name: 'Subject' }).fill('Asked about winter coats');
    await page.getByRole('button', { name: 'Log and open the request' }).click();
    await page.getByRole('heading', { name: /Asked about winter coats/ }).waitFor();
    const request = await get<{ channel: string; requesterId: string; firstRespondedAt: null }>(
      page,
      `/requests/${page.url().split('/').pop()}`,
    );
    expect(request.channel).toBe('phone');
    expect(request.firstRespondedAt).toBeNull();
    const requester = await get<Contact>(page, `/contacts/${request.requesterId}`);
    expect(name).toContain(requester.name);
    await page.close();
  });

  it('speaks Spanish, Lithuanian and Ukrainian on every page, accessibly', async () => {
    const page = await signedIn(tend);
    const [someone] = (await get<{ data: Contact[] }>(page, '/contacts?q=sarunas&limit=1')).data;
    const pages = [
      ['home', '/app/'],
      ['contacts', '/app/contacts'],
      ['contact', `/app/contacts/${someone!.id}`],
      ['log-call', `/app/contacts/${someone!.id}/log-call`],
    ] as const;
    // What shows that each page has loaded, in each language.
    const ready = {
      es: ['Filas a la espera de una primera respuesta', 'Contactos', 'Historial', 'Asunto'],
      lt: ['Pirmojo atsakymo laukiančios eilės', 'Kontaktai', 'Istorija', 'Tema'],
      uk: ['Черги, що чекають на першу відповідь', 'Контакти', 'Історія', 'Тема'],
    };
    for (const language of ['es', 'lt', 'uk'] as const) {
      await page
        .getByRole('banner')
        .getByLabel(/Language|Idioma|Kalba|Мова/)
        .selectOption(language);
      // The language's texts download first (one chunk per language), then the page switches.
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
      for (const [i, [name, path]] of pages.entries()) {
        await page.goto(`${tend.url}${path}`);
        const text = ready[language][i]!;
        await (
          name === 'log-call'
            ? page.getByRole('textbox', { name: text })
            : name === 'contacts'
              ? page.getByRole('table', { name: text })
              : page.getByRole('heading', { name: text })
        ).waitFor();
        await settled(page);
        expect(await axeProblems(page), `${name}-${language}`).toEqual([]);
        await page.screenshot({ path: join(shots, `${name}-${language}.png`), fullPage: true });
      }
    }
    await page.close();
  });
});
