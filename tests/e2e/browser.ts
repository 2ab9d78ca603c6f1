import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/** Debian's Chromium, which CI installs; the browser tests say so and skip when it is missing. */
export const chromiumPath = '/usr/bin/chromium';
/** Whether the browser tests can run on this machine. */
export const haveChromium = existsSync(chromiumPath);
/** Where the browser tests save their screenshots. */
export const shots = join(import.meta.dirname, '../../test-results/screenshots');

/** Launches headless Chromium with the flags this machine needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh `tend serve` (demo organization, built web app) on free ports of 127.0.0.1; its mail
 * is saved as .eml files under `dataDir`/mail (no SMTP_URL).
 */
export async function startTend(): Promise<{
  url: string;
  email: string;
  password: string;
  /** The demo organization's portal slug. */
  slug: string;
  dataDir: string;
  child: ChildProcess;
}> {
  const dataDir = await mkdtemp(join(process.env.TEND_E2E_ROOT ?? tmpdir(), 'tend-e2e-'));
  const tend = join(import.meta.dirname, '../../bin/tend.js');
  const child = spawn('node', [tend, 'serve', '--port', '0'], {
    env: { ...process.env, TEND_DATA_DIR: dataDir, SMTP_LISTEN: '127.0.0.1:0', LOG_LEVEL: 'warn' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tend did not start: ${output}`)), 170_000);
    child.stderr.on('data', (b: Buffer) => {
      output += b.toString();
      const m = /Tend listens on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          email: /Sign in as\s+(\S+)/.exec(output)![1]!,
          password: /Password\s+(\S+)/.exec(output)![1]!,
          slug: /Public request form: \/p\/([^/\s]+)\//.exec(output)![1]!,
          dataDir,
          child,
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`tend exited with ${code}: ${output}`)));
  });
}

/** A running `tend serve` as {@link startTend} gives it. */
export type Tend = Awaited<ReturnType<typeof startTend>>;

/**
 * Starts Tend and Chromium before the file's tests and stops them after: the returned object is
 * filled in by `beforeAll`, so read it in hooks and tests, never at the top of the file.
 * @example
 * const tend = useTend();
 * it('…', async () => { const page = await tend.browser.newPage(); await page.goto(tend.url); });
 */
export function useTend(): Tend & { browser: Browser } {
  if (!haveChromium)
    console.warn('e2e: skipped — /usr/bin/chromium is missing (apt-get install -y chromium)');
  const running = {} as Tend & { browser: Browser };
  beforeAll(async () => {
    if (!haveChromium) return;
    await mkdir(shots, { recursive: true });
    Object.assign(running, await startTend());
    running.browser = await launch();
  });
  afterAll(async () => {
    await running.browser?.close();
    running.child?.kill('SIGTERM');
  });
  return running;
}

/** Signs the demo's admin (or other `email` and `password`) in on `page`, in any language. */
export async function signIn(
  page: Page,
  tend: Pick<Tend, 'url' | 'email' | 'password'>,
  path = '/app/',
): Promise<void> {
  await page.goto(`${tend.url}${path}`);
  await page.locator('input[name=email]').fill(tend.email);
  await page.locator('input[name=password]').fill(tend.password);
  await page.locator('button[type=submit]').click();
  await page.locator('header').waitFor();
}

/**
 * A new page, signed in, in the browser language `locale` on a window `width` pixels wide (a
 * phone, with touch, under 500).
 */
export async function signedIn(
  tend: Tend & { browser: Browser },
  { locale = 'en-GB', width = 1366, height = 900 } = {},
): Promise<Page> {
  const context = await tend.browser.newContext({
    locale,
    viewport: { width, height },
    ...(width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await signIn(page, tend);
  return page;
}

/** The demo admin's session cookie (`name=value`), from signing in through the API. */
export async function sessionCookie(tend: Tend): Promise<string> {
  const res = await fetch(`${tend.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: tend.email, password: tend.password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The emails Tend saved under `dataDir` (no SMTP_URL: .eml files), parsed. */
async function mails(dataDir: string): Promise<ParsedMail[]> {
  const dir = join(dataDir, 'mail');
  const files = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(
    files
      .filter((f) => f.endsWith('.eml'))
      .map(async (f) => simpleParser(await readFile(join(dir, f)))),
  );
}

/** Waits for an email to `address` whose text matches, among those saved under `dataDir`. */
export async function mailTo(dataDir: string, address: string, text: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mails(dataDir)).find(
          (m) => JSON.stringify(m.to).includes(address) && text.test(m.text ?? ''),
        );
        return !!found;
      },
      { timeout: 20_000, interval: 250 },
    )
    .toBe(true);
  return found!;
}

/**
 * Calls the API as the signed-in `page` (its session cookie); a POST with a fresh idempotency key.
 * Expects a 2xx answer.
 */
export async function pageApi<T>(
  page: Page,
  tend: Pick<Tend, 'url'>,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await page.request.fetch(`${tend.url}/api/v1${path}`, {
    method,
    data: body,
    headers: method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {},
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Saves a full-page screenshot as `name`.png among the test results. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

/** How wide the page's content is (more than the window: it scrolls sideways). */
export const pageWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );

/** Serious and critical accessibility problems axe-core finds on the page. */
export async function axeProblems(page: Page) {
  const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(async () => {
    const run = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    return run.run();
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 3))}`);
}
