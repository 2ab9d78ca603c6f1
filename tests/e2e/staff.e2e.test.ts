import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, haveChromium, launch, startTend } from './browser';

const shots = join(import.meta.dirname, '../../test-results/screenshots');
let browser: Browser;
let tend: { url: string; email: string; password: string; child: ChildProcess };

if (!haveChromium)
  console.warn('e2e: skipped — /usr/bin/chromium is missing (apt-get install -y chromium)');

describe.skipIf(!haveChromium)('the staff console', () => {
  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    tend = await startTend();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    tend?.child.kill('SIGTERM');
  });

  it('signs in, opens the queue, answers a request and sees its first response kept', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${tend.url}/`);
    await page.getByLabel('Email').fill(tend.email);
    await page.getByLabel('Password').fill(tend.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const table = page.getByRole('table', { name: 'Queue' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'queue-en.png'), fullPage: true });

    // The first request due whose first response is still pending.
    const links = table.getByRole('link');
    let opened = false;
    for (let i = 0; i < (await links.count()) && !opened; i++) {
      await links.nth(i).click();
      const clock = page.getByTestId('clock-first_response');
      await page.getByRole('heading', { name: 'Promises' }).waitFor();
      await page.waitForTimeout(300);
      if ((await clock.count()) && ((await clock.textContent()) ?? '').includes('due'))
        opened = true;
      else await page.goBack();
    }
    expect(opened, 'a request with a running first-response clock').toBe(true);
    await page
      .getByRole('textbox', { name: 'Reply to the requester' })
      .fill('Hello, your parcel is ready for pickup.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.getByTestId('clock-first_response').textContent(), { timeout: 10_000 })
      .toContain('kept');
    await page.getByText('Hello, your parcel is ready for pickup.').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'request-en.png'), fullPage: true });
    await page.close();
  });

  it('speaks Spanish, Lithuanian and Ukrainian: the labels change with the language switch', async () => {
    const page = await browser.newPage({ locale: 'uk-UA' });
    await page.goto(`${tend.url}/app/`);
    await page.getByLabel('Електронна пошта').fill(tend.email); // the browser's language
    await page.getByLabel('Пароль').fill(tend.password);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.getByRole('table', { name: 'Черга' }).waitFor();
    await page.screenshot({ path: join(shots, 'queue-uk.png'), fullPage: true });
    for (const [language, queue] of [
      ['lt', 'Eilė'],
      ['es', 'Cola'],
    ] as const) {
      await page.getByLabel(/Мова|Kalba|Idioma/).selectOption(language);
      await page.getByRole('table', { name: queue }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await page.screenshot({ path: join(shots, `queue-${language}.png`), fullPage: true });
    }
    await page.close();
  });
});
