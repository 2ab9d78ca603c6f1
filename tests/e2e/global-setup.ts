import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One folder for every server the browser tests start in this run (their databases and saved
 * mail), removed when the run ends: the test processes themselves are stopped without notice.
 */
export default async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'tend-e2e-run-'));
  process.env.TEND_E2E_ROOT = root;
  return () => rm(root, { recursive: true, force: true });
}
