import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeProblems,
  haveChromium,
  settled,
  shots,
  signIn,
  useTend,
  watchRequests,
} from './browser';

const tend = useTend();

/** Signs in on a new page in English and opens the settings from the header. */
async function openSettings(email = tend.email, password = tend.password): Promise<Page> {
  const page = await tend.browser.newPage({
    locale: 'en-GB',
    viewport: { width: 1366, height: 900 },
  });
  watchRequests(page);
  await signIn(page, { ...tend, email, password });
  await page.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  return page;
}

const settingsNav = (page: Page) => page.getByRole('navigation', { name: 'Settings' });
const preview = (page: Page) => page.getByTestId('calendar-preview');

/** The preview sentence when it answers for what is on the screen; '' while it is stale. */
async function settledPreview(page: Page): Promise<string> {
  if ((await preview(page).getAttribute('data-stale')) !== 'false') return '';
  return (await preview(page).textContent()) ?? '';
}

describe.skipIf(!haveChromium)('the settings pages', () => {
  it('an admin changes Friday’s hours and adds a holiday: the preview follows, the save is kept', async () => {
    const page = await openSettings();
    await settingsNav(page).getByRole('link', { name: 'Calendars' }).click();
    await page.getByRole('link', { name: 'Office hours (Vilnius)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Office hours (Vilnius)' }).waitFor();

    // A fixed sample: Friday 27 November 2026, 17:30 in Vilnius, a 90-minute promise.
    await page.getByLabel('A request arrives').fill('2026-11-27T17:30');
    await page.getByLabel('Promise (business minutes)').fill('90');
    await expect
      .poll(() => settledPreview(page), { timeout: 10_000 })
      .toMatch(/Friday,? 27 November.*17:30.*1 hour 30 minutes.*Monday,? 30 November.*10:30/);

    // Open until 18:00 on Fridays: half an hour that evening, so Monday 10:00.
    await page.getByLabel('Friday, period 2: closes at').fill('18:00');
    await expect.poll(() => settledPreview(page), { timeout: 10_000 }).toMatch(/Monday.*10:00/);

    // Monday 30 November a holiday: Tuesday 10:00.
    await page.getByLabel('Date of a holiday').fill('2026-11-30');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await expect
      .poll(() => settledPreview(page), { timeout: 10_000 })
      .toMatch(/Tuesday,? 1 December.*10:00/);

    // A period that ends before it starts is explained and stops the save.
    await page.getByLabel('Monday, period 1: closes at').fill('08:00');
    await page.getByText('The closing time must be after the opening time.').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await page.getByLabel('Monday, period 1: closes at').fill('12:00');

    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({
      path: join(shots, 'settings-calendar-edit-journey-en.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Office hours (Vilnius)' }).waitFor();
    await expect
      .poll(() => page.getByLabel('Friday, period 2: closes at').inputValue())
      .toBe('18:00');
    expect(await page.getByLabel('Monday, period 1: closes at').inputValue()).toBe('12:00');
    expect(await page.locator('[data-holiday="2026-11-30"]').textContent()).toMatch(
      /Monday,? 30 November 2026/,
    );
    await page.getByLabel('A request arrives').fill('2026-11-27T17:30');
    await page.getByLabel('Promise (business minutes)').fill('90');
    await expect.poll(() => settledPreview(page), { timeout: 10_000 }).toMatch(/Tuesday.*10:00/);
    await page.close();
  });

  it('adds a category and a required custom field, kept after a reload', async () => {
    const page = await openSettings();
    await settingsNav(page).getByRole('link', { name: 'Categories and fields' }).click();
    await page.getByRole('heading', { level: 1, name: 'Categories and fields' }).waitFor();
    const categories = page.getByRole('textbox', { name: 'Categories' });
    await categories.fill('clothing');
    await categories.press('Enter');
    await page.getByRole('button', { name: 'Add a field' }).click();
    const field = page.locator('fieldset').last(); // its name follows the label as it is typed
    await page.getByRole('group', { name: 'New field' }).waitFor();
    await field.getByLabel('Label').fill('Children in the household');
    expect(await field.getByLabel('Key').inputValue()).toBe('children_in_the_household');
    await field.getByLabel('Type').selectOption('number');
    await field.getByLabel('Required to solve').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').waitFor();
    await page.reload();
    const saved = page.getByRole('group', { name: 'Children in the household' });
    await saved.waitFor();
    expect(await saved.getByLabel('Required to solve').isChecked()).toBe(true);
    const desk = await page.evaluate(
      async () =>
        (await (await fetch('/api/v1/desk-settings')).json()) as {
          categories: string[];
          customFields: object[];
        },
    );
    expect(desk.categories).toContain('clothing');
    expect(desk.customFields).toContainEqual({
      key: 'children_in_the_household',
      label: 'Children in the household',
      type: 'number',
      requiredToSolve: true,
    });
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
  });

  it('reorders promise policies with the keyboard and keeps the order', async () => {
    const page = await openSettings();
    await settingsNav(page).getByRole('link', { name: 'Promise policies' }).click();
    const names = () =>
      page
        .locator('[data-policy]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-policy')));
    await expect
      .poll(names)
      .toEqual([
        'Major donors: an answer within the hour',
        'Everyone: a first answer within 4 business hours',
      ]);
    await page
      .getByRole('button', { name: 'Move Major donors: an answer within the hour down' })
      .focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(names)
      .toEqual([
        'Everyone: a first answer within 4 business hours',
        'Major donors: an answer within the hour',
      ]);
    await page.reload();
    await expect
      .poll(names)
      .toEqual([
        'Everyone: a first answer within 4 business hours',
        'Major donors: an answer within the hour',
      ]);
    await page.close();
  });

  it('creates an API token, shows it once with a copy button, and revokes it', async () => {
    const page = await openSettings();
    await settingsNav(page).getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'Create a token' }).click();
    await page.getByLabel('What is it for?').fill('Nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(secret).toMatch(/^tend_pat_\S{20,}$/);
    await page.getByRole('button', { name: 'Copy token' }).waitFor();
    // The secret works against the API.
    const me = await fetch(`${tend.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.status).toBe(200);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByTestId('new-token').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    const row = page.locator('[data-token="Nightly export"]');
    await row.getByRole('button', { name: 'Revoke Nightly export' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    const after = await fetch(`${tend.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status).toBe(401);
    await page.close();
  });

  it('an agent sees the settings as view only, and not the users at all', async () => {
    const admin = await openSettings();
    // The admin adds an agent with a first password.
    await settingsNav(admin).getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('button', { name: 'Add a person' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Ona Agentė');
    await dialog.getByLabel('Email').fill('ona@example.org');
    await dialog.getByLabel('Role').selectOption('agent');
    await dialog.getByLabel('First password').fill('a-long-password-1');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await admin.locator('[data-user="ona@example.org"]').waitFor();
    await admin.close();

    const agent = await openSettings('ona@example.org', 'a-long-password-1');
    expect(await settingsNav(agent).getByRole('link', { name: 'Users' }).count()).toBe(0);
    await settingsNav(agent).getByRole('link', { name: 'Calendars' }).click();
    await agent.getByText('Only administrators and managers can change them.').waitFor();
    expect(await agent.getByRole('link', { name: 'New calendar' }).count()).toBe(0);
    await agent.getByRole('link', { name: 'Office hours (Vilnius)' }).click();
    await agent.getByTestId('calendar-preview').waitFor();
    expect(await agent.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(
      await agent.getByLabel('Friday, period 2: closes at').getAttribute('readonly'),
    ).not.toBeNull();
    await agent.goto(`${tend.url}/app/settings/users`);
    await agent.getByText('Your role cannot see this section.', { exact: false }).waitFor();
    expect(await axeProblems(agent)).toEqual([]);
    await agent.close();
  });

  it('shows every settings page in English, Spanish, Lithuanian and Ukrainian, accessibly', async () => {
    const page = await openSettings();
    const calendarId = await page.evaluate(async () => {
      const res = await fetch('/api/v1/calendars');
      return ((await res.json()) as { data: { id: string }[] }).data[0]!.id;
    });
    const pages: [string, string][] = [
      ['index', ''],
      ['teams', '/teams'],
      ['routing', '/routing'],
      ['canned', '/canned'],
      ['canned-new', '/canned/new'],
      ['calendars', '/calendars'],
      ['calendar', `/calendars/${calendarId}`],
      ['policies', '/policies'],
      ['users', '/users'],
      ['tokens', '/tokens'],
      ['organization', '/organization'],
      ['desk', '/desk'],
    ];
    const english = new Map<string, string>();
    for (const language of ['en', 'es', 'lt', 'uk'] as const) {
      await page.getByLabel(/^(Language|Idioma|Kalba|Мова)$/).selectOption(language);
      // The language's catalogues are downloaded before the switch.
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
      for (const [name, path] of pages) {
        await page.goto(`${tend.url}/app/settings${path}`);
        const title = page.getByRole('heading', { level: 1 });
        await title.waitFor({ timeout: 10_000 }).catch(async (e: Error) => {
          await page.screenshot({ path: join(shots, `settings-${name}-${language}-failed.png`) });
          throw new Error(`${name} in ${language}: no page title (${e.message})`);
        });
        await settled(page); // lists and previews arrive
        // The page's headings in this language (a calendar's own name stays as it is).
        const text = (await page.getByRole('heading').allTextContents()).join(' | ');
        if (language === 'en') english.set(name, text);
        else expect(text, `${name} in ${language}`).not.toBe(english.get(name));
        expect(await axeProblems(page), `${name} in ${language}`).toEqual([]);
        await page.screenshot({
          path: join(shots, `settings-${name}-${language}.png`),
          fullPage: true,
        });
      }
    }
    await page.close();
  }, 600_000);
});
