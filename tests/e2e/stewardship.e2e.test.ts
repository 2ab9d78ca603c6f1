import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeProblems,
  haveChromium,
  pageApi,
  pageWidth,
  settled,
  shots,
  signedIn,
  useTend,
} from './browser';

/** What the journey made, for the language tour. */
const made = { programId: '', donor: { id: '', name: '' } };

const tend = useTend();

/** The API as the signed-in page sees it (its session cookie). */
const call = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  pageApi<T>(page, tend, method, path, body);

describe.skipIf(!haveChromium)('programs, impact updates and the gift settings', () => {
  it('an admin creates a program with a restricted fund and posts an update with figures and a Spanish translation', async () => {
    const page = await signedIn(tend);
    // Programs is in the header's Giving menu.
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Giving/ })
      .click();
    await page.getByRole('menuitem', { name: 'Programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programs and funds' }).waitFor();

    await page.getByRole('button', { name: 'New program' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Program name').fill('Warm homes');
    await dialog.getByLabel('What the program does').fill('Heating and insulation for families.');
    await dialog.getByRole('button', { name: 'Create program' }).click();
    const card = page.locator('[data-program="Warm homes"]');
    await card.waitFor();

    await card.getByRole('button', { name: 'Add a fund to Warm homes' }).click();
    await dialog.getByLabel('Fund name').fill('Winter heating');
    expect(await dialog.getByRole('switch', { name: 'Restricted' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create fund' }).click();
    const fund = card.locator('[data-fund="Winter heating"]');
    await fund.getByText('Restricted').waitFor();

    await card.getByRole('link', { name: 'Warm homes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warm homes' }).waitFor();
    made.programId = /\/programs\/([^/]+)$/.exec(page.url())![1]!;
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Post an update' }).click();
    await page.getByRole('heading', { level: 1, name: 'Post an update' }).waitFor();
    await page.getByLabel('Written in').selectOption('en');
    await page.getByLabel('Period from').fill('2026-10-01');
    await page.getByLabel('Period to').fill('2026-10-31');
    await page.getByRole('button', { name: 'Add a figure' }).click();
    await page.getByLabel('Figure 1: value').fill('42');
    await page.getByLabel('Figure 1: what it counts').fill('families kept warm');
    await page.getByRole('button', { name: 'Add a figure' }).click();
    await page.getByLabel('Figure 2: value').fill('1 250');
    await page.getByLabel('Figure 2: unit').fill('m²');
    await page.getByLabel('Figure 2: what it counts').fill('of roofs insulated');
    await page.getByRole('textbox', { name: /^Title/ }).fill('42 families warm this October');
    await page
      .getByRole('textbox', { name: /^Story/ })
      .fill('Your gifts paid for boilers and roofs.');
    await page.getByRole('tab', { name: 'Spanish' }).click();
    await page.getByLabel('Title in Spanish').fill('42 familias abrigadas en octubre');
    await page.getByLabel('Story in Spanish').fill('Sus donaciones pagaron calderas y tejados.');
    await page.getByLabel('Figure 1 in Spanish (families kept warm)').fill('familias abrigadas');
    // The preview follows the tab: what a Spanish-reading donor sees.
    const preview = page.getByTestId('impact-update');
    await preview.getByText('42 familias abrigadas en octubre').waitFor();
    await preview.getByText('familias abrigadas', { exact: true }).waitFor();
    await preview.getByText('of roofs insulated').waitFor(); // untranslated: the original
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Post update' }).click();

    await page.getByRole('heading', { level: 1, name: 'Warm homes' }).waitFor();
    const update = page.locator('[data-update="42 families warm this October"]');
    await update.getByText('1,250').waitFor();
    await page.getByLabel('Read as a donor in').selectOption('es');
    await update.getByText('42 familias abrigadas en octubre').waitFor();
    const saved = await call<{ data: { figures: object[]; translations: object }[] }>(
      page,
      'GET',
      `/programs/${made.programId}/impact-updates`,
    );
    expect(saved.data[0]!.figures).toEqual([
      { label: 'families kept warm', value: 42 },
      { label: 'of roofs insulated', value: 1250, unit: 'm²' },
    ]);
    expect(saved.data[0]!.translations).toEqual({
      es: {
        title: '42 familias abrigadas en octubre',
        story: 'Sus donaciones pagaron calderas y tejados.',
        figureLabels: ['familias abrigadas', ''],
      },
    });
    await page.context().close();
  });

  it('edits an update (its figures and translation kept) and deletes another after asking', async () => {
    const page = await signedIn(tend);
    await page.goto(`${tend.url}/app/programs/${made.programId}`);
    await page.getByRole('link', { name: 'Edit 42 families warm this October' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit the update' }).waitFor();
    expect(await page.getByLabel('Figure 2: value').inputValue()).toBe('1250');
    await page.getByRole('textbox', { name: /^Title/ }).fill('43 families warm this October');
    await page.getByLabel('Figure 1: value').fill('43');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warm homes' }).waitFor();
    const edited = page.locator('[data-update="43 families warm this October"]');
    await edited.getByText('43', { exact: true }).waitFor();

    // A second update, then deleted: the dialog asks first; cancelling keeps it.
    await call(page, 'POST', `/programs/${made.programId}/impact-updates`, {
      language: 'en',
      periodFrom: '2026-09-01',
      periodTo: '2026-09-30',
      title: 'A September draft',
      story: 'Posted by mistake.',
    });
    await page.reload();
    const draft = page.locator('[data-update="A September draft"]');
    await draft.getByRole('button', { name: 'Delete A September draft' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await draft.getByRole('button', { name: 'Delete A September draft' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await draft.waitFor({ state: 'detached' });
    const left = await call<{ data: { title: string; translations: object }[] }>(
      page,
      'GET',
      `/programs/${made.programId}/impact-updates`,
    );
    expect(left.data.map((u) => u.title)).toEqual(['43 families warm this October']);
    expect(left.data[0]!.translations).toHaveProperty(
      'es.title',
      '42 familias abrigadas en octubre',
    );
    await page.context().close();
  });

  it('edits a program and a fund (If-Match), and refuses a fund a colleague changed meanwhile (412)', async () => {
    const page = await signedIn(tend);
    const program = await call<{ id: string }>(page, 'POST', '/programs', { name: 'Dry homes' });
    const fund = await call<{ id: string }>(page, 'POST', '/funds', {
      name: 'Roof repairs',
      restricted: false,
    });
    await page.goto(`${tend.url}/app/programs/${program.id}`);
    await page.getByRole('heading', { level: 1, name: 'Dry homes' }).waitFor();
    await page.getByRole('button', { name: 'Edit program' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit program' });
    await dialog.getByLabel('Program name').fill('Dry and safe homes');
    await dialog.getByLabel('What the program does').fill('Roofs, damp and mould.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dry and safe homes' }).waitFor();
    await page.getByText('Roofs, damp and mould.').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // The fund of no program: renamed, restricted, described and given to the program.
    await page.goto(`${tend.url}/app/programs`);
    await page.getByRole('button', { name: 'Edit Roof repairs' }).click();
    const fundDialog = page.getByRole('dialog', { name: 'Edit fund' });
    await fundDialog.getByLabel('Fund name').fill('Roof and gutter repairs');
    await fundDialog.getByRole('switch', { name: 'Restricted' }).check();
    await fundDialog.getByRole('textbox', { name: 'Purpose' }).fill('Only roofs and gutters.');
    await fundDialog.getByRole('textbox', { name: 'Program' }).click();
    await page.getByRole('option', { name: 'Dry and safe homes' }).click();
    await fundDialog.getByRole('button', { name: 'Save' }).click();
    await fundDialog.waitFor({ state: 'detached' });
    const edited = page
      .locator('[data-program="Dry and safe homes"]')
      .locator('[data-fund="Roof and gutter repairs"]');
    await edited.getByText('Restricted').waitFor();
    const saved = await call<{
      funds: { name: string; restricted: boolean; description: string }[];
    }>(page, 'GET', `/programs/${program.id}`);
    expect(saved.funds).toMatchObject([
      { name: 'Roof and gutter repairs', restricted: true, description: 'Only roofs and gutters.' },
    ]);

    // A colleague renames the fund while this page still shows the old one: refused in plain words.
    const other = await page.request.patch(`${tend.url}/api/v1/funds/${fund.id}`, {
      data: { name: 'Gutters' },
    });
    expect(other.status()).toBe(200);
    await edited.getByRole('button', { name: 'Edit Roof and gutter repairs' }).click();
    await fundDialog.getByLabel('Fund name').fill('A stale change');
    await fundDialog.getByRole('button', { name: 'Save' }).click();
    await fundDialog
      .getByText('Someone else changed this in the meantime.', { exact: false })
      .waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await fundDialog.getByRole('button', { name: 'Load the latest version' }).click();
    await page.locator('[data-fund="Gutters"]').waitFor();
    expect(await page.locator('[data-fund="A stale change"]').count()).toBe(0);
    await page.context().close();
  });

  it('sets the receipt details and a major-gift threshold, kept after a reload', async () => {
    const page = await signedIn(tend);
    await page.goto(`${tend.url}/app/settings`);
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Gifts' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Gifts' }).waitFor();
    await page.getByLabel('Legal name').fill('Tend Demo Charity VšĮ');
    await page.getByLabel('Registration number').fill('306123456');
    await page.getByLabel('Signatory’s name').fill('Rasa Jonaitė');
    await page.getByLabel('Major gift from (EUR)').fill('1 000,50');
    await page.getByLabel('IBAN').fill('LT60 1010 0123 4567 8901');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Gifts' }).waitFor();
    await expect
      .poll(() => page.getByLabel('Legal name').inputValue())
      .toBe('Tend Demo Charity VšĮ');
    expect(await page.getByLabel('Major gift from (EUR)').inputValue()).toBe('1000.50');
    const settings = await call<{ majorGiftAmount: number; payment: { iban: string } }>(
      page,
      'GET',
      '/gift-settings',
    );
    expect(settings.majorGiftAmount).toBe(100050);
    expect(settings.payment.iban).toBe('LT601010012345678901');

    // Someone else saved meanwhile: the save is refused in plain words, nothing overwritten.
    const current = await page.request.get(`${tend.url}/api/v1/gift-settings`);
    const etag = current.headers()['etag']!;
    const other = await page.request.put(`${tend.url}/api/v1/gift-settings`, {
      headers: { 'if-match': etag },
      data: { ...(await current.json()), version: undefined, updatedAt: undefined },
    });
    expect(other.status()).toBe(200);
    await page.getByLabel('Legal name').fill('A stale change');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else changed this in the meantime.', { exact: false }).waitFor();
    await page.context().close();
  });

  it('creates the level Gold and a Ukrainian thank-you template whose preview fills the merge fields', async () => {
    const page = await signedIn(tend);
    const donors = await call<{ data: { id: string; name: string; givenName: string | null }[] }>(
      page,
      'GET',
      '/contacts?role=donor&limit=1',
    );
    made.donor = donors.data[0]!;
    // A gift no demo donor comes near, so the level below holds this donor alone.
    await call(page, 'POST', '/gifts', {
      kind: 'one_time',
      contactId: made.donor.id,
      amount: 25_000_000,
      currency: 'EUR',
      receivedOn: '2026-11-02',
    });

    await page.goto(`${tend.url}/app/settings/levels`);
    await page.getByRole('heading', { level: 1, name: 'Donor levels' }).waitFor();
    await page.getByRole('button', { name: 'New level' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Gold');
    expect(await dialog.getByLabel('Slug').inputValue()).toBe('gold');
    await dialog.getByLabel('Minimum').fill('200000');
    await dialog.getByLabel('Giving counted').selectOption('lifetime');
    await dialog.getByRole('button', { name: 'Create level' }).click();
    const gold = page.locator('[data-level="Gold"]');
    await gold.getByText('From €200,000.00 · Lifetime').waitFor();
    await gold.getByRole('button', { name: '1 donor (Gold)' }).click();
    await page.getByRole('dialog').getByRole('link', { name: made.donor.name }).waitFor();
    await page.keyboard.press('Escape');
    expect(await axeProblems(page)).toEqual([]);
    // Edited (If-Match): €300,000 is more than anyone gave, so Gold is empty now.
    await gold.getByRole('button', { name: 'Edit Gold' }).click();
    await dialog.getByLabel('Minimum').fill('300000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await gold.getByText('From €300,000.00 · Lifetime').waitFor();
    await gold.getByRole('button', { name: '0 donors (Gold)' }).waitFor();
    // Another level, deleted after the dialog asks.
    await call(page, 'POST', '/donor-levels', {
      name: 'Silver',
      slug: 'silver',
      minAmount: 1000,
      currency: 'EUR',
      window: 'this_year',
    });
    await page.reload();
    const silver = page.locator('[data-level="Silver"]');
    await silver.getByRole('button', { name: 'Delete Silver' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await silver.waitFor({ state: 'detached' });

    await page.goto(`${tend.url}/app/settings/templates`);
    await page.getByRole('heading', { level: 1, name: 'Thank-you templates' }).waitFor();
    await page.getByRole('link', { name: 'New template' }).click();
    await page.getByLabel('Template name').fill('Warm Thanks');
    expect(await page.getByLabel('Template name').inputValue()).toBe('warm-thanks');
    await page.getByRole('tab', { name: /Ukrainian/ }).click();
    await page.getByLabel('Subject (Ukrainian)').fill('Дякуємо, {{firstName}}!');
    const body = page.getByLabel('Text (Ukrainian)');
    await body.fill('Ваш дар ');
    await page.getByRole('button', { name: /Insert \{\{amount\}\}/ }).click();
    await body.press('End');
    await body.pressSequentially(' від {{date}} для {{organization}}.');
    const preview = page.getByTestId('template-preview');
    await expect
      .poll(
        async () => (await preview.getAttribute('data-stale')) === 'false' && preview.textContent(),
        {
          timeout: 10_000,
        },
      )
      .toMatch(/Дякуємо, \S+!.*Ваш дар \d[\d\s]*,\d{2}.* від .+ для .+\./);
    expect(await preview.textContent()).not.toContain('{{');
    await page.getByRole('button', { name: 'Save Ukrainian' }).click();
    await page.waitForURL(/\/settings\/templates\/warm-thanks$/);
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // An unknown merge field is refused at the field.
    await body.fill('Ваш дар {{amout}}');
    await page.getByRole('button', { name: 'Save Ukrainian' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();

    // English is not written yet: it can start from the Ukrainian text.
    await page.getByRole('tab', { name: /^English/ }).click();
    await page.getByRole('button', { name: /Start from the Ukrainian text/i }).click();
    expect(await page.getByLabel('Subject (English)').inputValue()).toBe('Дякуємо, {{firstName}}!');
    await page.context().close();
  });

  it('a gift policy for the level Gold: a phone call by the relationship owner, kept after a reload', async () => {
    const page = await signedIn(tend);
    await page.goto(`${tend.url}/app/settings/policies/new?subject=gift`);
    await page.getByRole('heading', { level: 1, name: 'New policy' }).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill('Gold donors: a call within a day');
    await page.getByRole('checkbox', { name: 'Promise a thank-you' }).check();
    // The level's slug is offered beside the built-in segments.
    const segments = page.getByRole('textbox', { name: 'Tiers or segments' });
    await segments.click();
    for (const offered of ['first-gift', 'major-gift', 'recurring', 'gold'])
      await page.getByRole('option', { name: offered, exact: true }).waitFor();
    await page.getByRole('option', { name: 'gold', exact: true }).click();
    await page.getByLabel('Method').selectOption('call');
    await page.getByLabel('Who thanks').selectOption('owner');
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create policy' }).click();
    await page.waitForURL(/\/settings\/policies\/[0-9a-f-]{36}$/);
    const id = /policies\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: 'Gold donors: a call within a day' })
      .waitFor();
    expect(await page.getByLabel('Method').inputValue()).toBe('call');
    expect(await page.getByLabel('Who thanks').inputValue()).toBe('owner');
    const policy = await call<{ conditions: { segments?: string[] }; thanks: object }>(
      page,
      'GET',
      `/promise-policies/${id}`,
    );
    expect(policy.conditions.segments).toEqual(['gold']);
    expect(policy.thanks).toEqual({ method: 'call', by: 'owner' });
    await page.context().close();
  });

  it('shows time to thank from the promise ledger once a gift is thanked', async () => {
    const page = await signedIn(tend);
    // A policy of its own, tried first, so its row counts this gift alone (the demo's policies
    // hold three years of gifts thanked in hours).
    const policy = await call<{ id: string }>(page, 'POST', '/promise-policies', {
      subjectType: 'gift',
      name: 'Ledger check',
      conditions: { segments: ['ledger-check'] },
      targets: [{ target: 'thanks', minutes: 48 * 60 }],
    });
    const order = await call<{ data: { id: string }[] }>(
      page,
      'GET',
      '/promise-policies?subjectType=gift',
    );
    await call(page, 'PUT', '/promise-policies/order', {
      subjectType: 'gift',
      ids: [policy.id, ...order.data.map((p) => p.id).filter((id) => id !== policy.id)],
    });
    const donor = await call<{ id: string }>(page, 'POST', '/contacts', {
      kind: 'person',
      givenName: 'Lena',
      familyName: 'Ledger',
      roles: ['donor'],
      tags: ['ledger-check'],
    });
    const gift = await call<{ id: string }>(page, 'POST', '/gifts', {
      kind: 'one_time',
      contactId: donor.id,
      amount: 1000,
      currency: 'EUR',
      receivedOn: '2026-11-03',
    });
    await call(page, 'POST', `/gifts/${gift.id}/thanks`, { method: 'call', note: 'Called her.' });
    await page.goto(`${tend.url}/app/programs`);
    const row = page
      .getByTestId('time-to-thank')
      .getByRole('row')
      .filter({ hasText: 'Ledger check' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/1 of 1/);
    expect(text).toMatch(/\d+\s*min/); // thanked within minutes: the median and p90
    await page.context().close();
  });

  it('works at 390 px: the programs and a template fit the screen', async () => {
    const page = await signedIn(tend, { width: 390 });
    for (const path of [
      '/app/programs',
      `/app/programs/${made.programId}`,
      '/app/settings/gifts',
      '/app/settings/levels',
      '/app/settings/templates/warm-thanks',
    ]) {
      await page.goto(`${tend.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await settled(page);
      expect(await pageWidth(page), path).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: join(shots, 'stewardship-template-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('speaks English, Spanish, Lithuanian and Ukrainian on every page, accessibly', async () => {
    const page = await signedIn(tend);
    const pages = [
      ['programs', '/app/programs'],
      ['program', `/app/programs/${made.programId}`],
      ['impact-update', `/app/programs/${made.programId}/updates/new`],
      ['settings-gifts', '/app/settings/gifts'],
      ['settings-levels', '/app/settings/levels'],
      ['settings-templates', '/app/settings/templates'],
      ['settings-template', '/app/settings/templates/warm-thanks'],
    ] as const;
    // Each page's h1 in each language, which shows that it has loaded.
    const ready = {
      en: [
        'Programs and funds',
        'Warm homes',
        'Post an update',
        'Gifts',
        'Donor levels',
        'Thank-you templates',
        'warm-thanks',
      ],
      es: [
        'Programas y fondos',
        'Warm homes',
        'Publicar una novedad',
        'Donaciones',
        'Niveles de donantes',
        'Plantillas de agradecimiento',
        'warm-thanks',
      ],
      lt: [
        'Programos ir fondai',
        'Warm homes',
        'Skelbti naujieną',
        'Aukos',
        'Aukotojų lygiai',
        'Padėkų šablonai',
        'warm-thanks',
      ],
      uk: [
        'Програми та фонди',
        'Warm homes',
        'Опублікувати новину',
        'Пожертви',
        'Рівні донорів',
        'Шаблони подяк',
        'warm-thanks',
      ],
    };
    for (const language of ['en', 'es', 'lt', 'uk'] as const) {
      await page
        .getByRole('banner')
        .getByLabel(/Language|Idioma|Kalba|Мова/)
        .selectOption(language);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
      for (const [i, [name, path]] of pages.entries()) {
        await page.goto(`${tend.url}${path}`);
        await page.getByRole('heading', { level: 1, name: ready[language][i] }).waitFor();
        await settled(page);
        expect(await axeProblems(page), `${name}-${language}`).toEqual([]);
        await page.screenshot({
          path: join(shots, `stewardship-${name}-${language}.png`),
          fullPage: true,
        });
      }
    }
    await page.context().close();
  });
});
