import { describe, expect, it } from 'vitest';
import { axeProblems, haveChromium, mailTo, shot, useTend } from './browser';

const tend = useTend();

describe.skipIf(!haveChromium)('the public portal', () => {
  it('a client raises a request in Ukrainian, gets the reference, and follows it by the emailed link', async () => {
    const page = await tend.browser.newPage({ locale: 'uk-UA' });
    const portal = `${tend.url}/p/${tend.slug}`;
    await page.goto(portal);
    await page.getByRole('heading', { name: 'Чим ми можемо допомогти?' }).waitFor();
    await expect
      .poll(() => page.getByTestId('promise').textContent())
      .toMatch(/Обіцяємо відповісти протягом/);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'portal-home-uk');

    const address = 'olena.e2e@example.org';
    await page.getByLabel('Ваше ім’я').fill('Олена Коваленко');
    await page.getByLabel('Електронна пошта').fill(address);
    await page.getByLabel('Тема').fill('Зимовий одяг для дітей');
    await page
      .getByLabel('Чим ми можемо допомогти?')
      .fill('Потрібні куртки для двох дітей, 6 і 9 років.');
    await page.getByRole('button', { name: 'Надіслати' }).click();
    const reference = (await page.getByTestId('reference').textContent())!;
    expect(reference).toMatch(/^R-\d+$/);
    await page.getByText('Обіцяємо відповісти до').waitFor();
    await shot(page, 'portal-receipt-uk');

    // The acknowledgement arrives in Ukrainian with the reference.
    const ack = await mailTo(tend.dataDir, address, new RegExp(reference));
    expect(ack.subject).toMatch(/[А-Яа-яІіЇїЄє]/);
    expect(ack.text).toContain('Стежте за своїм запитом онлайн');
    expect(ack.text).toContain(`${tend.url}/p/${tend.slug}/requests/`);

    // Follow it: ask for a sign-in link, open it from the email.
    await page.getByRole('link', { name: 'Стежити онлайн' }).click();
    await page.getByRole('heading', { name: 'Стежте за своїми запитами' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('Електронна пошта').fill(address);
    await page.getByRole('button', { name: 'Надіслати посилання' }).click();
    await page.getByText('посилання для входу вже надіслано').waitFor();
    const signIn = await mailTo(tend.dataDir, address, /\/sign-in#tend_portal_/);
    const link = /(https?:\/\/\S+\/sign-in#tend_portal_[\w-]+)/.exec(signIn.text!)![1]!;
    expect(link.startsWith(`${tend.url}/p/${tend.slug}/sign-in#`)).toBe(true);
    await page.goto(link);
    const table = page.getByRole('table', { name: 'Мої запити' });
    await table.waitFor();
    expect(page.url()).not.toContain('#'); // the secret left the address bar
    await expect.poll(() => table.textContent()).toContain(reference);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'portal-requests-uk');

    // The request: what was asked, what was promised, and a reply.
    await table.getByRole('link', { name: 'Зимовий одяг для дітей' }).click();
    await page.getByRole('heading', { name: `${reference} · Зимовий одяг для дітей` }).waitFor();
    await page.getByText('Ми обіцяли першу відповідь до').waitFor();
    await page.getByLabel('Напишіть нам').fill('Дякую! Коли можна прийти?');
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await page.getByText('Надіслано. Ми скоро відповімо.').waitFor();
    await page.getByText('Дякую! Коли можна прийти?').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'portal-thread-uk');

    // The link worked once: opened again in a fresh browser, it is refused.
    const again = await tend.browser.newPage({ locale: 'uk-UA' });
    await again.goto(link);
    await again.getByText('Це посилання вже недійсне або використане').waitFor();
    await again.close();
    await page.close();
  });

  it('raises a request from the plain form with JavaScript off', async () => {
    const context = await tend.browser.newContext({ javaScriptEnabled: false, locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(`${tend.url}/p/${tend.slug}`);
    await page.getByRole('heading', { name: 'Pídanos ayuda' }).waitFor();
    await page.getByLabel('Su nombre').fill('José Muñoz');
    await page.getByLabel('Correo electrónico').fill('jose.e2e@example.org');
    await page.getByLabel('Asunto').fill('Banco de alimentos');
    await page.getByLabel('¿En qué podemos ayudarle?').fill('¿Qué días abren?');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByRole('heading', { name: 'Solicitud recibida' }).waitFor();
    expect(await page.textContent('body')).toMatch(/R-\d+/);
    await shot(page, 'portal-nojs-es');
    await context.close();
  });

  it('fits a phone: the header grows with its content and covers nothing', async () => {
    const context = await tend.browser.newContext({
      locale: 'uk-UA',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${tend.url}/p/${tend.slug}`);
    const heading = page.getByRole('heading', { name: 'Чим ми можемо допомогти?' });
    await heading.waitFor();
    const header = (await page.locator('header').boundingBox())!;
    const title = (await heading.boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(header.y + header.height);
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390); // nothing wider than the screen
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'portal-home-phone-uk');
    await context.close();
  });

  it('shows its pages in every language with no serious accessibility problem', async () => {
    for (const [lang, locale, heading] of [
      ['en', 'en-GB', 'Our promises'],
      ['es', 'es-ES', 'Nuestros compromisos'],
      ['lt', 'lt-LT', 'Mūsų pažadai'],
      ['uk', 'uk-UA', 'Наші обіцянки'],
    ] as const) {
      const page = await tend.browser.newPage({ locale });
      await page.goto(`${tend.url}/p/${tend.slug}`);
      await page.getByTestId('promise').waitFor();
      await shot(page, `portal-home-${lang}`);
      await page.getByRole('navigation').getByRole('link', { name: heading }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await shot(page, `portal-promises-${lang}`);
      await page.close();
    }
  });
});
