import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the built web apps live (served at /app/). */
export const webDist = join(root, 'dist/web');
const sources = join(root, 'src/web');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const stamp = join(webDist, 'build.json');

/** The source hash the present build was made from, if any. */
async function builtHash(): Promise<string | undefined> {
  if (!existsSync(stamp)) return undefined;
  return (JSON.parse(await readFile(stamp, 'utf8')) as { hash?: string }).hash;
}

/** A hash of everything the web build depends on: its sources, its config and the lock file. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await filesUnder(sources)),
    join(root, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ];
  for (const f of files) hash.update(f.slice(root.length)).update(await readFile(f));
  return hash.digest('hex');
}

/**
 * Builds the web apps when their sources changed since the last build (the first `npm start`
 * after install or a pull takes ~10 s more); answers where they are, or undefined when they
 * cannot be built here (an install without dev dependencies and no build shipped).
 */
export async function ensureWebBuild(say: (line: string) => void): Promise<string | undefined> {
  if (!existsSync(sources)) return existsSync(webDist) ? webDist : undefined;
  const hash = await sourceHash();
  if ((await builtHash()) === hash) return webDist;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    say('The web app is not built and Vite is not installed (npm install without --omit=dev).');
    return existsSync(join(webDist, 'index.html')) ? webDist : undefined;
  }
  // One build at a time: another process building the same sources is waited for.
  const lock = join(root, 'dist/.web-build.lock');
  await mkdir(join(root, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 300_000) await rm(lock, { force: true }); // left by a process that died
      if (waited > 300_000) throw new Error(`the web build is locked by ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
      if ((await builtHash()) === hash) return webDist;
    }
  }
  try {
    if ((await builtHash()) === hash) return webDist; // built while we waited for the lock
    say('Building the web app…');
    // Always a production build (minified React), even when started from a test runner that
    // set NODE_ENV=test: Vite builds what NODE_ENV says.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await vite.build({
        configFile: join(root, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
      });
    } finally {
      if (env === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = env;
    }
    await writeFile(stamp, JSON.stringify({ hash, at: new Date().toISOString() }));
  } finally {
    await rm(lock, { force: true });
  }
  return webDist;
}
