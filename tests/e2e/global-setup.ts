import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTemplate } from './tend';

/**
 * One folder for every server the browser tests start in this run (their databases and saved
 * mail), removed when the run ends: the test processes themselves are stopped without notice.
 * In it, the demo's first run once: each test file's server starts on a copy of it (tend.ts).
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'tend-e2e-run-'));
  process.env.TEND_E2E_ROOT = root;
  // No Chromium, no browser tests (they say so and skip): no template either.
  project.provide(
    'tendTemplate',
    existsSync('/usr/bin/chromium') ? await makeTemplate(root) : null,
  );
  return () => rm(root, { recursive: true, force: true });
}
