import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, haveChromium, pageApi, signedIn, useTend } from './browser';

const tend = useTend();

/** The demo's admin, signed in on a window `width` pixels wide. */
const signedInAt = (width: number) => signedIn(tend, { width, height: width < 500 ? 844 : 768 });

/** Where the header's parts are: its navigation entries, everything in it, its own size. */
const layout = (page: Page) =>
  page.evaluate(() => {
    type Box = { top: number; bottom: number; left: number; right: number };
    type El = {
      getBoundingClientRect(): Box;
      querySelectorAll(s: string): ArrayLike<El>;
      scrollWidth: number;
      clientWidth: number;
      textContent: string | null;
    };
    const doc = (globalThis as unknown as { document: { querySelector(s: string): El } & El })
      .document;
    const header = doc.querySelector('header');
    const entries = Array.from(header.querySelectorAll('nav > a, nav button[aria-haspopup]'));
    const all = Array.from(header.querySelectorAll('a:not(.skip-link), button, select, p'));
    // A DOMRect's sides are getters: copied by name, not spread.
    const box = (el: El) => {
      const { top, bottom, left, right } = el.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    return {
      entries: entries.map((el) => ({ text: el.textContent, ...box(el) })),
      parts: all
        .filter((el) => box(el).right > box(el).left) // laid out (not display: none)
        .map((el) => ({ text: el.textContent, ...box(el) })),
      header: { ...box(header), scrollWidth: header.scrollWidth, clientWidth: header.clientWidth },
      pageWidth: (doc as unknown as { documentElement: El }).documentElement.scrollWidth,
    };
  });

describe.skipIf(!haveChromium)('the console header', () => {
  beforeAll(async () => {
    // A gift owed a thank-you, so the navigation has a count to show.
    const page = await signedInAt(1366);
    const api = <T>(path: string, data?: object) =>
      pageApi<T>(page, tend, data ? 'POST' : 'GET', path, data);
    const [donor] = (await api<{ data: { id: string }[] }>('/contacts?limit=1')).data;
    await api('/gifts', {
      kind: 'one_time',
      contactId: donor!.id,
      amount: 2500,
      currency: 'EUR',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    await page.context().close();
  });

  it('fits one row at 1366 px in each language, the giving pages in one menu, the thank-you count shown', async () => {
    const page = await signedInAt(1366);
    const banner = page.getByRole('banner');
    for (const language of ['en', 'es', 'lt', 'uk'] as const) {
      await banner.getByLabel(/^(Language|Idioma|Kalba|Мова)$/).selectOption(language);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
      await banner.getByTestId('thanks-due').waitFor();
      const { entries, parts, header, pageWidth } = await layout(page);
      // Home, Queue, Contacts, Log a call, Thank-yous, the Giving menu, Settings.
      expect(entries, language).toHaveLength(7);
      const tops = entries.map((e) => Math.round(e.top));
      expect(Math.max(...tops) - Math.min(...tops), `one row in ${language}`).toBeLessThanOrEqual(
        2,
      );
      for (const part of parts) {
        expect(part.bottom, `${part.text} in ${language}`).toBeLessThanOrEqual(header.bottom);
        expect(part.right, `${part.text} in ${language}`).toBeLessThanOrEqual(1366);
        expect(part.left, `${part.text} in ${language}`).toBeGreaterThanOrEqual(0);
      }
      expect(header.scrollWidth, language).toBeLessThanOrEqual(header.clientWidth);
      expect(pageWidth, language).toBeLessThanOrEqual(1366);
      expect(await axeProblems(page), language).toEqual([]);
    }
    // The choice is remembered on the account: back to English for the other tests.
    const remembered = page.waitForResponse(
      (r) => r.url().endsWith('/auth/me') && r.request().method() === 'PATCH',
    );
    await banner.getByLabel('Мова').selectOption('en');
    await remembered;
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.context().close();
  });

  it('opens the giving menu by keyboard and goes to a page of it', async () => {
    const page = await signedInAt(1366);
    const giving = page.getByRole('banner').getByRole('button', { name: /^Giving/ });
    await giving.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect((await menu.getByRole('menuitem').allTextContents()).map((s) => s.trim())).toEqual([
      'Gifts',
      'Pending donations',
      'Programs',
    ]);
    expect(await axeProblems(page)).toEqual([]);
    // The first item has the focus; the arrow keys move it.
    const focused = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } | null } })
            .document.activeElement?.textContent,
      );
    await expect.poll(focused).toBe('Gifts');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Programs');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Programs and funds' }).waitFor();
    // Escape closes the menu and gives the focus back to its button.
    await giving.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Gifts');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await giving.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.context().close();
  });

  it('holds every entry behind the burger at 390 px', async () => {
    const page = await signedInAt(390);
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.waitFor();
    const names = [
      'Home',
      'Queue',
      'Contacts',
      'Log a call',
      /^Thank-yous/,
      'Gifts',
      'Pending donations',
      'Programs',
      'Settings',
    ];
    // Exact names: the thank-you link's name counts the gifts owed ("9 gifts owed").
    for (const name of names) await nav.getByRole('link', { name, exact: true }).waitFor();
    expect(await nav.getByRole('link').count()).toBe(names.length);
    await nav.getByTestId('thanks-due').waitFor();
    const { pageWidth } = await layout(page);
    expect(pageWidth).toBeLessThanOrEqual(390);
    expect(await axeProblems(page)).toEqual([]);
    await nav.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programs and funds' }).waitFor();
    await page.context().close();
  });
});
