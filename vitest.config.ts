import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (projects by name, then unknown or larger files first), except that the long
 * files go first — the journey (one file, ~50 s), then the browser tests (10–100 s each) — and
 * the data and unit tests' short files (1–15 s) fill the workers at the end, instead of one long
 * file running alone there.
 */
class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => ['journey', 'e2e'].indexOf(f.project.name) >>> 0;
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * Three tiers, each its own project so `npm run test:<tier>` runs one:
 * unit = pure core and CLI parsing; db = repositories and use-cases on a real database;
 * api = the HTTP app in-process; journey = the real `tend` command and server, as an admin uses them;
 * e2e = the web apps in Chromium (Debian's /usr/bin/chromium) against a real server.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one, on CI's two-core machine, where
    // the browser tests then ran one file at a time, mostly waiting (their server, Chromium and
    // the test take turns: ~0.4 core busy). Two files at a time there took 390 → 270 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongFilesFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts', 'bench/**/*.unit.test.ts'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Files share a worker's loaded modules (the server's, ~3 s to import per file here):
          // each file still opens its own database and organizations, and no file mocks a module.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/**/*.api.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          isolate: false, // as db: the app's modules imported once per worker, not per file
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'journey',
          include: ['src/**/*.journey.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
