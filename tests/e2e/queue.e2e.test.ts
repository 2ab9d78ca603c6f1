import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, haveChromium, sessionCookie, shots, useTend } from './browser';

let cookie: { name: string; value: string };
let context: BrowserContext;

const tend = useTend();

/** Calls the API as the demo admin (the session cookie from signing in). */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${tend.url}/api/v1${path}`, {
    method,
    headers: {
      cookie: `${cookie.name}=${cookie.value}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Row = { id: string; reference: string; subject: string };

/** Every request of a view, in the queue's order, page by page. */
async function wholeView(view: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Row[]; nextCursor: string | null } = await call(
      'GET',
      `/requests?view=${view}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

const rowsInDom = (page: Page) => page.locator('tr.queue-row').count();
const selectedIndex = (page: Page) =>
  page.locator('tr.queue-row[data-selected]').getAttribute('data-index');

describe.skipIf(!haveChromium)('the queue with 500 open requests', () => {
  beforeAll(async () => {
    const [name, value] = (await sessionCookie(tend)).split('=');
    cookie = { name: name!, value: value! };

    // Two promises that fall due within the hour, tried before the demo's own policies.
    for (const [priority, minutes] of [
      ['urgent', 10],
      ['high', 30],
    ] as const)
      await call('POST', '/promise-policies', {
        subjectType: 'request',
        name: `Test: ${priority} within ${minutes} minutes`,
        position: 1,
        conditions: { priorities: [priority] },
        targets: [{ target: 'first_response', minutes }],
      });
    const contacts = (await call<{ data: { id: string }[] }>('GET', '/contacts?limit=50')).data;
    const open = (await call<{ open: number }>('GET', '/requests/counts')).open;
    const subjects = Array.from({ length: 520 - open }, (_, i) => ({
      subject: `Queue load ${String(i + 1).padStart(3, '0')}`,
      priority: i === 0 ? 'urgent' : i === 1 ? 'high' : 'normal',
    }));
    // Eight at a time: the server takes them as fast as one process can.
    for (let i = 0; i < subjects.length; i += 8)
      await Promise.all(
        subjects.slice(i, i + 8).map((s, j) =>
          call('POST', '/requests', {
            ...s,
            requesterId: contacts[(i + j) % contacts.length]!.id,
            channel: 'phone',
          }),
        ),
      );
    context = await tend.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 800 },
    });
    await context.addCookies([{ ...cookie, url: tend.url }]);
  }, 300_000);

  it('keeps only a window of rows in the page and scrolls, page by page, to the last', async () => {
    const all = await wholeView('open');
    expect(all.length).toBeGreaterThanOrEqual(500);
    const page = await context.newPage();
    await page.goto(`${tend.url}/app/queue/open`);
    const table = page.getByRole('table', { name: 'Queue' });
    await table.waitFor();
    await expect.poll(() => rowsInDom(page)).toBeGreaterThan(10);
    expect(await rowsInDom(page)).toBeLessThan(60);
    expect(await table.locator('tbody tr').first().textContent()).toContain(all[0]!.reference);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'queue-500.png') });

    // Scroll to the end until the last request of the view is on screen.
    const last = page.getByRole('row', { name: new RegExp(`^${all.at(-1)!.reference} `) });
    for (let i = 0; i < 40 && !(await last.isVisible()); i++) {
      await page.getByTestId('queue-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(250);
    }
    await expect.poll(() => last.isVisible()).toBe(true);
    await expect
      .poll(() => page.getByTestId('queue-count').textContent())
      .toBe(`${all.length} requests`);
    expect(await rowsInDom(page)).toBeLessThan(60);
    expect(
      await page.getByRole('row', { name: new RegExp(`^${all[0]!.reference} `) }).count(),
    ).toBe(0);
    await page.close();
  });

  it('counts down: amber within the hour, red in the last 15 minutes', async () => {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${tend.url}/app/queue/open`);
    const row = (subject: string) => page.getByRole('row').filter({ hasText: subject });
    const urgent = row('Queue load 001').locator('[data-due]');
    const high = row('Queue load 002').locator('[data-due]');
    await urgent.waitFor();
    expect(await urgent.getAttribute('data-due')).toBe('now');
    expect(await urgent.textContent()).toMatch(/^In (9|10) minutes$/);
    expect(await high.getAttribute('data-due')).toBe('soon');
    expect(await high.textContent()).toMatch(/^In (29|30) minutes$/);
    await page.clock.fastForward('20:00');
    await expect.poll(() => high.getAttribute('data-due')).toBe('now');
    await expect.poll(() => urgent.textContent()).toMatch(/^\d+ mins? overdue$/);
    await page.close();
  });

  it('is worked by keyboard alone: j/k and arrows move, Enter opens, g q comes back, / searches', async () => {
    const all = await wholeView('open');
    const page = await context.newPage();
    await page.goto(`${tend.url}/app/queue/open`);
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => selectedIndex(page)).toBe('0');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => selectedIndex(page)).toBe('2');
    await page.keyboard.press('k');
    await expect.poll(() => selectedIndex(page)).toBe('1');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectedIndex(page)).toBe('2');
    // The selected row's link has the focus, with a visible ring.
    const focused = page.locator('tr.queue-row[data-selected] a');
    expect(await focused.evaluate((a) => a === a.ownerDocument.activeElement)).toBe(true);
    expect(
      await focused.evaluate((a) => a.ownerDocument.defaultView!.getComputedStyle(a).outlineStyle),
    ).toBe('solid');
    // Far down the list: the next page loads on the way.
    for (let i = 0; i < 97; i++) await page.keyboard.press('j');
    await expect.poll(() => selectedIndex(page)).toBe('99');
    await expect.poll(() => page.getByTestId('queue-count').textContent()).toMatch(/^200 /);
    for (let i = 0; i < 23; i++) await page.keyboard.press('j');
    await expect.poll(() => selectedIndex(page)).toBe('122');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/requests/${all[122]!.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(all[122]!.reference) }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('q');
    await page.waitForURL('**/queue/open');
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await page.waitForURL(`**/requests/${all[0]!.id}`);
    await page.goBack();

    // "/" goes to the search box; typing there is typing, not shortcuts.
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search' });
    expect(await search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('Queue load 042');
    expect(await search.inputValue()).toBe('Queue load 042');
    await expect.poll(() => rowsInDom(page)).toBe(1);
    expect(page.url()).toContain('q=Queue+load+042');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Queue load 042/ }).waitFor();
    await page.close();
  });

  it('lists every shortcut on "?", and the dialog passes axe', async () => {
    const page = await context.newPage();
    await page.goto(`${tend.url}/app/queue/open`);
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const text of ['Next request', 'Open the selected request', 'Write an internal note'])
      expect(await dialog.textContent()).toContain(text);
    expect(await axeProblems(page)).toEqual([]);
    // Shortcuts sleep while the dialog is open; Esc closes it.
    await page.keyboard.press('j');
    expect(await page.locator('tr.queue-row[data-selected]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  it('filters by priority and team beside the views, and says when nothing matches', async () => {
    const page = await context.newPage();
    await page.goto(`${tend.url}/app/queue/open`);
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    const priorities = () => page.locator('tr.queue-row td:nth-child(5)').allTextContents();
    await page.getByLabel('Priority').selectOption('urgent');
    await expect.poll(() => page.url()).toContain('priority=urgent');
    await expect
      .poll(async () => {
        const shown = await priorities();
        return shown.length > 0 && shown.every((p) => p === 'Urgent');
      })
      .toBe(true);
    // With a team too: exactly the requests the API gives for both.
    const teams = (await call<{ data: { id: string; name: string }[] }>('GET', '/teams')).data;
    const team = teams.find((t) => t.name === 'Donor care')!;
    const expected = (
      await call<{ data: Row[] }>(
        'GET',
        `/requests?view=open&priority=urgent&teamId=${team.id}&limit=200`,
      )
    ).data;
    expect(expected.length).toBeGreaterThan(0);
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Donor care' });
    await expect
      .poll(async () =>
        (await page.locator('tr.queue-row td:first-child').allTextContents()).sort(),
      )
      .toEqual(expected.map((r) => r.reference).sort());
    await page.getByLabel('Search').fill('no such request anywhere');
    await page.getByText('No requests match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rowsInDom(page)).toBeGreaterThan(10);
    expect(page.url()).not.toContain('priority=');
    await page.close();
  });
  it('updates live: a request opened elsewhere appears without a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${tend.url}/app/queue/open`);
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    await page.getByLabel('Search').fill('Arrived while watching');
    await expect.poll(() => rowsInDom(page)).toBe(0);
    const [someone] = (await call<{ data: { id: string }[] }>('GET', '/contacts?limit=1')).data;
    await call('POST', '/requests', {
      subject: 'Arrived while watching',
      requesterId: someone!.id,
    });
    // Server-sent event → one refetch within about a second; no reload.
    await expect.poll(() => rowsInDom(page), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('tr.queue-row').first().textContent()).toContain(
      'Arrived while watching',
    );
    await page.close();
  });
});
