import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, haveChromium, shots, signedIn, signIn, useTend } from './browser';

/** The request the journey answered; the language tour shows it again. */
let answered: { id: string; reference: string };

const tend = useTend();

// A canned reply with a translation in each language of the demo's requesters.
const canned = {
  name: 'Parcel ready',
  bodies: {
    en: 'Hello {{requester.first_name}}, your parcel is ready for pickup. {{agent.name}}',
    es: 'Hola, {{requester.first_name}}: su paquete ya está listo para recoger. {{agent.name}}',
    lt: 'Sveiki, {{requester.first_name}}, jūsų siuntinys paruoštas atsiimti. {{agent.name}}',
    uk: 'Вітаємо, {{requester.first_name}}! Ваш набір готовий, його можна забрати. {{agent.name}}',
  } as Record<string, string>,
};

/** Calls the API with the page's session (page.request shares the browser's cookies). */
async function call<T>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`${tend.url}/api/v1${path}`, { method, data });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

const background = (l: Locator) =>
  l.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor);

describe.skipIf(!haveChromium)('the staff console', () => {
  it('signs in, answers a request with a canned reply, adds a note and changes the request', async () => {
    const page = await tend.browser.newPage({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    await signIn(page, tend, '/');
    await page.getByRole('banner').getByRole('link', { name: 'Queue', exact: true }).click();
    const table = page.getByRole('table', { name: 'Queue' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'queue-en.png'), fullPage: true });

    // The desk, set up by the admin: a canned reply, and a field needed before solving.
    const reply = await call<{ id: string }>(page, 'POST', '/canned-replies', canned);
    expect(reply.id).toBeTruthy();
    await call(page, 'PATCH', '/desk-settings', {
      customFields: [
        { key: 'household_size', label: 'Household size', type: 'number', requiredToSolve: true },
      ],
    });

    // The request due soonest whose first response is still pending, found with the search.
    type Item = { id: string; reference: string; requesterId: string; language: string | null };
    const open = (await call<{ data: Item[] }>(page, 'GET', '/requests?view=open&limit=100')).data;
    let target: Item | undefined;
    for (const r of open) {
      const clocks = await call<{ data: { target: string; state: string }[] }>(
        page,
        'GET',
        `/promises/clocks?subjectType=request&subjectId=${r.id}`,
      );
      if (clocks.data.some((c) => c.target === 'first_response' && c.state === 'running')) {
        target = r;
        break;
      }
    }
    expect(target, 'a request with a running first-response clock').toBeDefined();
    answered = target!;
    await page.keyboard.press('/');
    await page.keyboard.type(target!.reference);
    await expect.poll(() => page.locator('tr.queue-row').count()).toBe(1);
    await table.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(target!.reference) }).waitFor();
    await expect
      .poll(() => page.getByTestId('clock-first_response').textContent())
      .toContain('due');

    // A canned reply arrives written out: the requester's name, ours, in their language.
    const contact = await call<{
      givenName: string | null;
      name: string;
      preferredLanguage: string;
    }>(page, 'GET', `/contacts/${target!.requesterId}`);
    const me = await call<{ user: { name: string } }>(page, 'GET', '/auth/me');
    const language = target!.language ?? contact.preferredLanguage ?? 'en';
    const expected = canned.bodies[language]!.replace(
      '{{requester.first_name}}',
      contact.givenName ?? contact.name,
    ).replace('{{agent.name}}', me.user.name);
    // The requester's card links to their record.
    const card = page.getByRole('region', { name: 'Requester' });
    expect(await card.getByRole('link', { name: contact.name }).getAttribute('href')).toBe(
      `/app/contacts/${target!.requesterId}`,
    );
    const box = page.getByRole('textbox', { name: 'Reply to the requester' });
    await page.getByLabel('Canned reply').selectOption({ label: 'Parcel ready' });
    await expect.poll(() => box.inputValue()).toBe(expected);
    await page.getByText(/^Inserted in /).waitFor();
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect
      .poll(() => page.getByTestId('clock-first_response').textContent(), { timeout: 10_000 })
      .toContain('kept');
    const publicReply = page.getByRole('article').filter({ hasText: expected });
    await publicReply.waitFor();

    // An internal note by keyboard: Esc leaves the box, n starts a note, Ctrl+Enter sends it.
    await box.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    const noteBox = page.getByRole('textbox', { name: 'Add an internal note' });
    expect(await noteBox.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await noteBox.inputValue()).toBe(''); // the "n" started the note, it was not typed
    await page.keyboard.type('Called them: they collect the parcel on Friday.');
    await page.keyboard.press('Control+Enter');
    const note = page.getByRole('article').filter({ hasText: 'they collect the parcel on Friday' });
    await note.waitFor();
    expect(await note.getAttribute('data-visibility')).toBe('internal');
    expect(await publicReply.getAttribute('data-visibility')).toBe('public');
    // Plainly different: in the words (read out by screen readers) and in the look.
    expect(await note.getAttribute('aria-label')).toMatch(/^Internal note: /);
    expect(await note.textContent()).toContain('Internal note');
    expect(await publicReply.textContent()).not.toContain('Internal note');
    expect(await background(note)).not.toBe(await background(publicReply));

    // Priority and assignee, saved on the request.
    const seen = () => call<Item & Record<string, unknown>>(page, 'GET', `/requests/${target!.id}`);
    await page.getByLabel('Priority').selectOption('high');
    await expect.poll(async () => (await seen()).priority).toBe('high');
    const assignee = page.getByLabel('Assignee');
    const current = await assignee.inputValue();
    const other = await assignee
      .locator('option')
      .evaluateAll(
        (os, cur) => os.map((o) => o.getAttribute('value') ?? '').find((v) => v && v !== cur) ?? '',
        current,
      );
    await assignee.selectOption(other);
    await expect.poll(async () => (await seen()).assigneeId).toBe(other);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'request-en.png'), fullPage: true });

    // Solving without the required field: the 422 is said plainly, and nothing changes.
    const status = page.getByLabel('Status');
    await status.selectOption('solved');
    await page
      .getByRole('alert')
      .filter({ hasText: 'A required field is missing: Household size.' })
      .waitFor();
    expect((await seen()).status).not.toBe('solved');
    expect(await status.inputValue()).not.toBe('solved');
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('Household size').fill('3');
    await page.getByLabel('Household size').press('Tab');
    await expect.poll(async () => (await seen()).customFields).toEqual({ household_size: 3 });
    await status.selectOption('solved');
    await expect.poll(async () => (await seen()).status).toBe('solved');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    // Reopened, so the language tour shows a request still in work.
    await status.selectOption('open');
    await expect.poll(async () => (await seen()).status).toBe('open');
    await page.close();
  });

  it('works on a phone: the navigation folds into a menu that covers nothing', async () => {
    const page = await signedIn(tend, { width: 390, height: 844 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const banner = page.getByRole('banner');
    expect(await banner.getByRole('link', { name: 'Contacts' }).count()).toBe(0); // in the menu
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await menu.click();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Contacts' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'contacts-phone-en.png'), fullPage: false });
    await page.context().close();
  });

  it('says so when a colleague changed the request meanwhile (412), and shows their change', async () => {
    const page = await tend.browser.newPage({ locale: 'en-GB' });
    // No live updates on this page: the colleague's change stays unseen until the console asks.
    await page.route('**/api/v1/events', (route) => route.abort());
    await signIn(page, tend, '/');
    await page.goto(`${tend.url}/app/requests/${answered.id}`);
    const priority = page.getByLabel('Priority');
    await priority.waitFor();
    await call(page, 'PATCH', `/requests/${answered.id}`, { priority: 'low' });
    await priority.selectOption('urgent');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Someone else changed this request a moment ago' })
      .waitFor();
    await expect.poll(() => priority.inputValue()).toBe('low');
    await priority.selectOption('urgent');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    const seen = await call<{ priority: string }>(page, 'GET', `/requests/${answered.id}`);
    expect(seen.priority).toBe('urgent');
    await page.close();
  });

  it('speaks Spanish, Lithuanian and Ukrainian: the queue and the request follow the language switch', async () => {
    const page = await tend.browser.newPage({
      locale: 'uk-UA',
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${tend.url}/app/queue/open`);
    await page.getByLabel('Електронна пошта').fill(tend.email); // the browser's language
    await page.getByLabel('Пароль').fill(tend.password);
    await page.getByRole('button', { name: 'Увійти' }).click();
    const tour = [
      ['uk', 'Черга', 'Внутрішня нотатка', 'Надіслати відповідь'],
      ['lt', 'Eilė', 'Vidinė pastaba', 'Siųsti atsakymą'],
      ['es', 'Cola', 'Nota interna', 'Enviar respuesta'],
    ] as const;
    // Signed in, the console speaks the account's language (English) until one is chosen here.
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    for (const [language, queue, note, send] of tour) {
      await page.getByLabel(/Language|Мова|Kalba|Idioma/).selectOption(language);
      await page.getByRole('banner').getByRole('link', { name: queue, exact: true }).click();
      await page.getByRole('table', { name: queue }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `queue-${language}.png`), fullPage: true });

      await page.goto(`${tend.url}/app/requests/${answered.id}`);
      const noted = page.getByRole('article').filter({ hasText: 'they collect the parcel' });
      await noted.waitFor();
      expect(await noted.textContent()).toContain(note);
      await page.getByRole('button', { name: send }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: join(shots, `request-${language}.png`), fullPage: true });
    }
    await page.close();
  });
});
