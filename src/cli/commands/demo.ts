import type { Command } from 'commander';
import { result, say, UsageError, withDatabase } from '../io';

/** `tend demo`: a realistic demo organization, at any scale. */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description(
      'Create a demo organization: staff, contacts in four languages, households, a year of timeline',
    )
    .option('--slug <slug>', 'slug of the new organization', 'demo')
    .option('--scale <contacts>', 'number of contacts', '200')
    .option('--seed <n>', 'random seed (the same seed gives the same data)', '42')
    .action(async (opts: { slug: string; scale: string; seed: string }) => {
      const count = Number(opts.scale);
      const seed = Number(opts.seed);
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
        throw new UsageError('--scale: a whole number from 1 to 1000000');
      if (!Number.isInteger(seed)) throw new UsageError('--seed: a whole number');
      const { systemClock } = await import('../../core/clock');
      const { createDemoOrganization } = await import('../../server/demo/demo-org');
      const demo = await withDatabase('tend demo', (database) =>
        createDemoOrganization(database, systemClock, {
          slug: opts.slug,
          count,
          seed,
          onProgress: (done, total) => {
            if (total >= 5000 && (done % 10_000 === 0 || done === total))
              say(`  contacts ${done}/${total}`);
          },
        }),
      );
      say(`Demo organization "${demo.org.name}" with ${demo.contacts} contacts.`);
      say(`Sign in as ${demo.email} with password ${demo.password}`);
      result(demo.org.slug);
    });
}
