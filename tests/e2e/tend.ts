import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `tend serve` for the browser tests, without vitest: the e2e global setup uses it too.
 *
 * A first run costs ~15 s here (a new embedded database, its migrations, the demo organization),
 * so the global setup runs it once into a template folder, stops it, and every test file's server
 * starts on its own copy of that folder: the same demo, already migrated (~2 s to open).
 */

/** What the first run printed: how to sign in, and the demo's portal slug. */
export type FirstRun = { email: string; password: string; slug: string };

/** A data folder whose first run is over (the demo organization is in it), and what it printed. */
export type Template = FirstRun & { dataDir: string };

const bin = join(import.meta.dirname, '../../bin/tend.js');

/** Spawns `tend serve` on `dataDir` and waits for it to listen; `output` is all it said so far. */
function serve(dataDir: string): Promise<{ url: string; output: string; child: ChildProcess }> {
  const child = spawn('node', [bin, 'serve', '--port', '0'], {
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
        resolve({ url: m[1]!, output, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`tend exited with ${code}: ${output}`)));
  });
}

/** How to sign in and the portal slug, as a first run prints them. */
function firstRun(output: string): FirstRun {
  return {
    email: /Sign in as\s+(\S+)/.exec(output)![1]!,
    password: /Password\s+(\S+)/.exec(output)![1]!,
    slug: /Public request form: \/p\/([^/\s]+)\//.exec(output)![1]!,
  };
}

/**
 * Runs `tend serve` once on a new folder under `root` (migrations, the demo organization, the web
 * build when its sources changed) and stops it (SIGTERM: it closes the database and its lock).
 */
export async function makeTemplate(root: string): Promise<Template> {
  const dataDir = await mkdtemp(join(root, 'template-'));
  const { output, child } = await serve(dataDir);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  // Mail the first run saved belongs to that run, not to the servers made from it.
  await rm(join(dataDir, 'mail'), { recursive: true, force: true });
  return { ...firstRun(output), dataDir };
}

/**
 * A `tend serve` (demo organization, built web app) on free ports of 127.0.0.1, on a copy of the
 * `template` folder when there is one, else on an empty folder (a first run); its mail is saved as
 * .eml files under `dataDir`/mail (no SMTP_URL).
 */
export async function startTend(template?: Template): Promise<{
  url: string;
  email: string;
  password: string;
  /** The demo organization's portal slug. */
  slug: string;
  dataDir: string;
  child: ChildProcess;
}> {
  const dataDir = await mkdtemp(join(process.env.TEND_E2E_ROOT ?? tmpdir(), 'tend-e2e-'));
  if (template) await cp(template.dataDir, dataDir, { recursive: true });
  const { url, output, child } = await serve(dataDir);
  const signIn = template ?? firstRun(output);
  return {
    url,
    email: signIn.email,
    password: signIn.password,
    slug: signIn.slug,
    dataDir,
    child,
  };
}
