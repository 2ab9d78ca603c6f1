import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
  const stamp = join(webDist, 'build.json');
  const hash = await sourceHash();
  const built = existsSync(stamp)
    ? (JSON.parse(await readFile(stamp, 'utf8')) as { hash?: string }).hash
    : undefined;
  if (built === hash) return webDist;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    say('The web app is not built and Vite is not installed (npm install without --omit=dev).');
    return existsSync(join(webDist, 'index.html')) ? webDist : undefined;
  }
  say('Building the web app…');
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(stamp, JSON.stringify({ hash, at: new Date().toISOString() }));
  return webDist;
}
