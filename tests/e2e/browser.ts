import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startTend, type Template } from './tend';

export { startTend };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The e2e global setup's demo folder, which each test file's server starts on a copy of. */
    tendTemplate: Template | null;
  }
}

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

/** A running `tend serve` (see tend.ts) as {@link startTend} gives it. */
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
    // Both at once; what did start is stopped by afterAll even when the other failed.
    const [tend, browser] = await Promise.allSettled([
      startTend(inject('tendTemplate') ?? undefined),
      launch(),
    ]);
    if (tend.status === 'fulfilled') Object.assign(running, tend.value);
    if (browser.status === 'fulfilled') running.browser = browser.value;
    for (const started of [tend, browser])
      if (started.status === 'rejected') throw started.reason as Error;
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
  watchRequests(page);
  await signIn(page, tend);
  return page;
}

/** The requests each watched page has in flight (see {@link settled}). */
const inFlight = new WeakMap<Page, Set<Request>>();

/**
 * Counts `page`'s requests in flight from now on, for {@link settled}; the console's live-update
 * stream (/api/v1/events, open as long as the page) is not counted. {@link signedIn} pages are
 * watched from their start.
 */
export function watchRequests(page: Page): void {
  if (inFlight.has(page)) return;
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('request', (r) => {
    if (!new URL(r.url()).pathname.endsWith('/api/v1/events')) pending.add(r);
  });
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
}

/**
 * Waits until the page has what it asked for and has drawn it: no request in flight (the data,
 * the lazy code and texts it loads) and the page's main thread idle, twice in a row — the
 * condition a fixed pause ("lists and badges arrive") stood for. Gives up waiting after
 * `atMost` ms and goes on, as that pause did.
 */
export async function settled(page: Page, atMost = 10_000): Promise<void> {
  watchRequests(page);
  const pending = inFlight.get(page)!;
  const until = Date.now() + atMost;
  for (let quiet = 0; quiet < 2 && Date.now() < until;) {
    if (pending.size > 0) {
      quiet = 0;
      await page.waitForTimeout(25);
      continue;
    }
    await page.evaluate(
      () =>
        new Promise<void>((done) =>
          (
            globalThis as unknown as {
              requestIdleCallback(f: () => void, o: { timeout: number }): void;
            }
          ).requestIdleCallback(() => done(), { timeout: 1000 }),
        ),
    );
    quiet = pending.size === 0 ? quiet + 1 : 0;
  }
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

let axeSource: Promise<string> | undefined;

/** Serious and critical accessibility problems axe-core finds on the page. */
export async function axeProblems(page: Page) {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: await axeSource });
  // Only the violations are wanted: axe still runs every rule on every element, but does not
  // list each element that passed, and only the violations come back from the page.
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: {
        run(options: {
          resultTypes: string[];
        }): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
      };
    };
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 3))}`);
}
