import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which CI installs; the browser tests say so and skip when it is missing. */
export const chromiumPath = '/usr/bin/chromium';
/** Whether the browser tests can run on this machine. */
export const haveChromium = existsSync(chromiumPath);

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
